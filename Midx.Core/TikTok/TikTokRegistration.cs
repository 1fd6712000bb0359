using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Admin;

namespace Midx.Core.TikTok;

/// <summary>
/// Midx.Core's TikTok services, for the app and the tests alike. What depends on where Midx runs stays with the host:
/// <see cref="TikTokOptions"/> from configuration and <see cref="TikTokBaseUrls"/> (real TikTok or the sandbox), and
/// the app's token refresher (<c>Midx.App.TikTok.TikTokRegistration</c>).
/// </summary>
public static class TikTokRegistration
{
    public static IServiceCollection AddMidxTikTok(this IServiceCollection services)
    {
        // Time limits are per call inside the client (API calls and chunk uploads differ), not one for the HttpClient.
        services.AddHttpClient<TikTokApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<TikTokTokenVault>();
        services.AddSingleton<TikTokRefreshLocks>();
        services.AddScoped<RefreshTikTokTokenCommand>();
        services.AddScoped<RefreshDueTikTokTokensCommand>();
        services.AddScoped<TikTokAccessTokens>();
        services.AddScoped<StartTikTokLinkCommand>();
        services.AddScoped<CompleteTikTokLinkCommand>();
        services.AddScoped<DisconnectTikTokAccountCommand>();
        services.AddScoped<TikTokAccountsQuery>();
        services.AddScoped<DisconnectPreviewQuery>();
        services.TryAddScoped<AuditLog>();
        return services;
    }
}
