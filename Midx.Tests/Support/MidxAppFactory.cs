using System.Net;
using System.Security.Cryptography.X509Certificates;
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

    private readonly X509Certificate2? _httpsCertificate;

    private bool _keepDataFolder;

    /// <param name="services">Replaces app services for this test (a fake clock, say), after the app registered its own.</param>
    /// <param name="https">
    /// Serve HTTPS only, with a throwaway self-signed certificate that <see cref="CreateHttpClient"/> trusts: what Production
    /// does with <c>Secure</c> cookies can only be seen over HTTPS. The app's own calls to its sandbox servers do not
    /// trust that certificate, so sign-in through the sandbox Google does not work on such an app.
    /// </param>
    public MidxAppFactory(
        IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null, bool https = false)
        : this(settings, environment, services, https, Path.Combine(Path.GetTempPath(), "midx-tests", Guid.NewGuid().ToString("N")), port: 0)
    {
    }

    private MidxAppFactory(
        IDictionary<string, string?>? settings, string environment, Action<IServiceCollection>? services, bool https, string dataFolder, int port)
    {
        _services = services;
        Environment = environment;
        DataFolder = dataFolder;
        // The sandbox TikTok keeps its state in memory unless a test names a state file (Development names one for people).
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Midx:Sandbox"] = "true",
            ["Midx:DataFolder"] = DataFolder,
            ["Midx:SandboxTikTok:StatePath"] = "",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _httpsCertificate = https ? SelfSignedCertificate.ForLoopback() : null;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen =>
        {
            if (_httpsCertificate is not null)
            {
                listen.UseHttps(_httpsCertificate);
            }
        }));
    }

    /// <summary>Worker settings with which a journey sees a post go through TikTok's states in seconds, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> QuickWorker(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Midx:Publishing:WorkerPollInterval"] = "00:00:00.200",
            ["Midx:Publishing:FirstStatusPollDelay"] = "00:00:00.300",
            ["Midx:Publishing:MaxStatusPollInterval"] = "00:00:00.500",
            ["Midx:Publishing:SlowPollInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// The app as Production runs it, over HTTPS, with the sandbox explicitly allowed (so it can start without real
    /// Google and TikTok clients) and a fresh master key.
    /// </summary>
    public static MidxAppFactory ProductionWithSandbox() => new(new Dictionary<string, string?>
    {
        ["Midx:AllowSandboxInProduction"] = "true",
        ["Midx:KeyRing:MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    }, environment: "Production", https: true);

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

    /// <summary>
    /// Stops this app as a process restart would (the sandbox servers and everything in memory go) and starts another
    /// with the same settings, data folder and port, so upload URLs handed out before still point at it. The new app
    /// owns the data folder from then on.
    /// </summary>
    public async Task<MidxAppFactory> RestartAsync()
    {
        var port = ServerAddress.Port;
        _keepDataFolder = true;
        await DisposeAsync();
        return new MidxAppFactory(_settings, Environment, _services, _httpsCertificate is not null, DataFolder, port);
    }

    /// <summary>A client for the running server that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateHttpClient(bool followRedirects = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer(), UseCookies = true };
        return new HttpClient(TrustingThisServer(handler)) { BaseAddress = ServerAddress };
    }

    /// <summary>Makes <paramref name="handler"/> accept this app's self-signed certificate (and no other) when it serves HTTPS.</summary>
    public HttpClientHandler TrustingThisServer(HttpClientHandler handler)
    {
        if (_httpsCertificate is { } certificate)
        {
            handler.ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint;
        }

        return handler;
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
        if (disposing)
        {
            _httpsCertificate?.Dispose();
        }

        if (disposing && !_keepDataFolder && Directory.Exists(DataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
