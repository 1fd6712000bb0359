using Microsoft.Extensions.Options;
using Midx.App.Hosting;
using Midx.Core.TikTok;

namespace Midx.App.TikTok;

/// <summary>
/// Refreshes TikTok tokens before they expire, every <see cref="TikTokOptions.RefreshSweepInterval"/> from the moment
/// the app listens; the rules live in <see cref="RefreshDueTikTokTokensCommand"/> and <see cref="RefreshTikTokTokenCommand"/>.
/// </summary>
public sealed class TokenRefresher(
    IServiceScopeFactory scopes,
    IOptions<TikTokOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TokenRefresher> logger) : ScheduledWorker(scopes, time, lifetime, logger)
{
    public const string WorkerName = "TokenRefresher";

    protected override string Name => WorkerName;

    protected override TimeSpan FirstRunDelay => TimeSpan.Zero;

    protected override TimeSpan Interval => options.Value.RefreshSweepInterval;

    protected override async Task<string> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcomes = await services.GetRequiredService<RefreshDueTikTokTokensCommand>().ExecuteAsync(cancellationToken);
        var summary = outcomes.Count == 0 ? "Nothing due" : string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"));
        if (outcomes.Count > 0)
        {
            logger.LogInformation("Token refresh sweep: {Outcomes}", summary);
        }

        return summary;
    }
}
