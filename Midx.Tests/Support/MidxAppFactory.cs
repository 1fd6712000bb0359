using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Midx.Tests.Support;

/// <summary>
/// The real Midx app on Kestrel at 127.0.0.1 on a free port, in sandbox mode, with its own temporary data folder
/// (SQLite file, media, keys) and every log line captured in <see cref="Logs"/>. Real HTTP flows between the app and
/// its sandbox Google and TikTok servers, exactly as in production.
/// </summary>
public sealed class MidxAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces app services for this test (a fake clock, say), after the app registered its own.</param>
    public MidxAppFactory(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        _services = services;
        Environment = environment;
        DataFolder = Path.Combine(Path.GetTempPath(), "midx-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Midx:Sandbox"] = "true",
            ["Midx:DataFolder"] = DataFolder,
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string Environment { get; }

    /// <summary>Folder holding this app's SQLite file, media and keys; deleted on dispose.</summary>
    public string DataFolder { get; }

    public LogCapture Logs { get; } = new();

    /// <summary>The app's own origin, e.g. http://127.0.0.1:41234 (starts the server on first use).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    /// <summary>A client for the running server that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateHttpClient(bool followRedirects = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer(), UseCookies = true };
        return new HttpClient(handler) { BaseAddress = ServerAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
