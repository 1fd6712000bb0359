using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>
/// Midx.Core's TikTok and publishing services, registered as the app registers them, over a real SQLite file in a
/// temporary folder (or the PostgreSQL database given), the real Data Protection key store, and a scripted TikTok.
/// Two instances over the same folder behave like two processes (or a restart).
/// </summary>
public sealed class TikTokTestServices : IAsyncDisposable
{
    private TikTokTestServices(ServiceProvider provider, string folder, ScriptedHttpHandler handler, FakeTimeProvider time, LogCapture logs)
    {
        Provider = provider;
        Folder = folder;
        Handler = handler;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public string Folder { get; }

    public ScriptedHttpHandler Handler { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    public static string SqliteConnectionString(string folder) => $"Data Source={Path.Combine(folder, "midx.db")};Default Timeout=30";

    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<TikTokTestServices> CreateAsync(
        string? masterKey = null, string? folder = null, FakeTimeProvider? time = null, string? postgresConnectionString = null)
    {
        folder ??= Directory.CreateTempSubdirectory("midx-tiktok-").FullName;
        masterKey ??= NewMasterKey();
        time ??= TestClock.Create();
        var handler = new ScriptedHttpHandler();
        var logs = new LogCapture();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Midx:OperatorName"] = "Midx tests",
            ["Midx:ContactEmail"] = "privacy@midx.test",
            ["Midx:DataFolder"] = folder,
            ["Midx:KeyRing:MasterKey"] = masterKey,
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddOptions<MidxOptions>().BindConfiguration(MidxOptions.Section);
        var sqliteConnectionString = SqliteConnectionString(folder);
        services.AddDbContext<MidxDbContext>(o =>
        {
            if (postgresConnectionString is null)
            {
                o.UseSqlite(sqliteConnectionString);
            }
            else
            {
                o.UseNpgsql(postgresConnectionString);
            }
        });
        services.AddMidxDataProtection(allowLocalKey: false, folder);
        services.AddSingleton(Options.Create(TikTokClientBuilder.Options(o => o.RefreshRetryBaseDelay = TimeSpan.FromSeconds(30))));
        services.AddSingleton(sp => TikTokBaseUrls.FromOptions(sp.GetRequiredService<IOptions<TikTokOptions>>().Value));
        services.AddMidxTikTok();
        services.AddHttpClient<TikTokApiClient>().ConfigurePrimaryHttpMessageHandler(() => handler);

        // A disconnect settles the account's unfinished posts like any job change, and releases their files.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = "Test", ApplicationName = "Midx.Tests", ContentRootPath = folder, ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddSingleton(Options.Create(new RetentionOptions()));
        services.AddMidxPublishing();

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MidxDbContext>().Database.MigrateAsync();
        }

        return new TikTokTestServices(provider, folder, handler, time, logs);
    }

    public async Task<T> WithDbAsync<T>(Func<MidxDbContext, Task<T>> action)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MidxDbContext>());
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<Guid> AddUserAsync(string name = "creator")
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var user = new User { GoogleSubject = Guid.NewGuid().ToString("N"), Email = $"{name}-{Guid.NewGuid():N}@midx.test", Name = name, CreatedAt = now, LastSeenAt = now };
        await WithDbAsync(db =>
        {
            db.AddPerson(user);
            return db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// <summary>A user with one linked account whose tokens came from <paramref name="grant"/> just now.</summary>
    public async Task<TikTokAccount> LinkAccountAsync(TikTokTokenGrant grant, string username = "creator")
    {
        var vault = Provider.GetRequiredService<TikTokTokenVault>();
        var now = Time.GetUtcNow().UtcDateTime;
        var user = new User { GoogleSubject = Guid.NewGuid().ToString("N"), Email = $"{username}@midx.test", Name = username, CreatedAt = now, LastSeenAt = now };
        var account = new TikTokAccount { UserId = user.Id, WorkspaceId = user.Id, OpenId = grant.OpenId, Username = username, ConnectedAt = now, LastSeenAt = now };
        vault.Store(account, grant, now, 0.8);
        await WithDbAsync(async db =>
        {
            db.AddPerson(user);
            db.TikTokAccounts.Add(account);
            return await db.SaveChangesAsync();
        });
        return account;
    }

    public Task<TikTokAccount> ReloadAsync(Guid accountId) =>
        WithDbAsync(db => db.TikTokAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId));

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Removes the temporary folder; call once the last instance over it is disposed.</summary>
    public static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
