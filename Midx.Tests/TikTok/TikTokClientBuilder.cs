using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>Builds a <see cref="TikTokApiClient"/> over a scripted handler, with delays short enough for unit tests.</summary>
public static class TikTokClientBuilder
{
    public const string ClientKey = "unit-client-key";
    /// <summary>Made up per test run, so no credential-looking literal lives in the repository.</summary>
    public static readonly string ClientSecret = "test-run-" + Guid.NewGuid().ToString("N");

    public static TikTokOptions Options(Action<TikTokOptions>? configure = null)
    {
        var options = new TikTokOptions
        {
            ClientKey = ClientKey,
            ClientSecret = ClientSecret,
            ApiBaseUrl = "https://api.tiktok.test/prefix",
            AuthorizeBaseUrl = "https://www.tiktok.test",
            RateLimitBaseDelay = TimeSpan.FromMilliseconds(1),
            RateLimitMaxDelay = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return options;
    }

    public static TikTokApiClient Create(
        ScriptedHttpHandler handler,
        Action<TikTokOptions>? configure = null,
        LogCapture? logs = null,
        TimeProvider? time = null)
    {
        var options = Options(configure);
        logs ??= new LogCapture();
        return new TikTokApiClient(
            new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan },
            Microsoft.Extensions.Options.Options.Create(options),
            TikTokBaseUrls.FromOptions(options),
            time ?? TimeProvider.System,
            LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)).CreateLogger<TikTokApiClient>());
    }
}
