using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Midx.App.TikTok;
using Midx.Core.Data;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

public sealed class TikTokAppWiringTests
{
    [Fact]
    public void BaseUrls_InSandboxMode_PointAtThisAppsSandboxTikTok()
    {
        using var app = new MidxAppFactory();
        var origin = app.ServerAddress;

        var urls = app.Services.GetRequiredService<TikTokBaseUrls>();
        var options = app.Services.GetRequiredService<IOptions<TikTokOptions>>().Value;

        Assert.Equal(new Uri(origin, "/sandbox/tiktok/"), urls.Api);
        Assert.Equal(new Uri(origin, "/sandbox/tiktok/"), urls.Authorize);
        Assert.Equal(Midx.App.Sandbox.TikTok.TikTokFixtures.ClientKey, options.ClientKey);
        Assert.True(options.IsConfigured);
    }

    [Fact]
    public void BaseUrls_WithRealCredentials_AreTikToksEvenInSandboxMode()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["TikTok:ClientKey"] = "aw-real-client-key",
            ["TikTok:ClientSecret"] = "real-client-secret-value",
        });
        _ = app.ServerAddress;

        var urls = app.Services.GetRequiredService<TikTokBaseUrls>();

        Assert.Equal(new Uri("https://open.tiktokapis.com/"), urls.Api);
        Assert.Equal(new Uri("https://www.tiktok.com/"), urls.Authorize);
        Assert.Equal("key=[redacted]", app.Services.GetRequiredService<Midx.Core.Privacy.SecretRedactor>().Redact("key=real-client-secret-value"));
    }

    [Theory]
    [InlineData("TikTok:ClientKey", "only-a-key", "TikTok:ClientSecret")]
    [InlineData("TikTok:ApiBaseUrl", "not a url", "TikTok:ApiBaseUrl")]
    [InlineData("TikTok:RateLimitRetries", "9", "TikTok:RateLimitRetries")]
    [InlineData("Midx:KeyRing:MasterKey", "dG9vLXNob3J0", "Midx:KeyRing:MasterKey")]
    public void Start_WithBadTikTokSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.ServerAddress);

        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public void Start_InProductionWithoutMasterKey_FailsNamingTheKey()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:Sandbox"] = "false" }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.ServerAddress);

        Assert.Contains("Midx:KeyRing:MasterKey", error.ToString());
    }

    [Fact]
    public async Task KeyRing_AfterTheAppProtectsSomething_IsInTheDatabaseEncrypted()
    {
        using var app = new MidxAppFactory();
        var client = app.CreateHttpClient();
        await client.GetStringAsync("/");

        app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("probe").Protect("x"u8.ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys.Where(k => k.Xml?.StartsWith("<key", StringComparison.Ordinal) == true), k =>
        {
            Assert.Contains(nameof(DataProtectionKeyDecryptor), k.Xml);
            Assert.DoesNotContain("<masterKey", k.Xml);
        });
        Assert.True(File.Exists(Path.Combine(app.DataFolder, DataProtectionMasterKey.LocalKeyFileName)));
    }

    // The callback serves hosted connect links too: a signed-out member's own state sends them to sign in
    // (Midx.Tests.Connect.ConnectFlowTests), any other state to the connect refusal.
    [Theory]
    [InlineData("/accounts")]
    public async Task TikTokPages_SignedOut_SendToSignIn(string path)
    {
        using var app = new MidxAppFactory();

        var response = await app.CreateHttpClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task TokenRefresher_OnceTheAppListens_SweepsAndRecordsItsHeartbeat()
    {
        using var app = new MidxAppFactory();
        _ = app.ServerAddress;

        Midx.Core.Admin.WorkerHeartbeat? beat = null;
        for (var attempt = 0; attempt < 100 && beat is null; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            beat = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().WorkerHeartbeats.AsNoTracking()
                .SingleOrDefaultAsync(h => h.Worker == TokenRefresher.WorkerName);
            if (beat is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(beat);
        Assert.Equal("Nothing due", beat!.Detail);
        Assert.Equal(app.Services.GetRequiredService<IOptions<TikTokOptions>>().Value.RefreshSweepInterval, beat.Interval);
    }
}
