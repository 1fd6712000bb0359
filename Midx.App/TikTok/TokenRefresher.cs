using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.TikTok;

namespace Midx.App.TikTok;

/// <summary>
/// Refreshes TikTok tokens before they expire, on a timer; the rules live in <see cref="RefreshDueTikTokTokensCommand"/>
/// and <see cref="RefreshTikTokTokenCommand"/>. Starts only once the app is listening, because in sandbox mode
/// TikTok is this very process.
/// </summary>
public sealed class TokenRefresher(
    IServiceScopeFactory scopes,
    IOptions<TikTokOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TokenRefresher> logger) : BackgroundService
{
    public const string Name = "TokenRefresher";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            using var timer = new PeriodicTimer(options.Value.RefreshSweepInterval, time);
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<RefreshDueTikTokTokensCommand>().ExecuteAsync(stoppingToken);
            var summary = outcomes.Count == 0 ? "Nothing due" : string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"));
            if (outcomes.Count > 0)
            {
                logger.LogInformation("Token refresh sweep: {Outcomes}", summary);
            }

            await scope.ServiceProvider.GetRequiredService<WorkerHeartbeatRecorder>().BeatAsync(Name, options.Value.RefreshSweepInterval, summary, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Token refresh sweep failed; next sweep in {Interval}", options.Value.RefreshSweepInterval);
        }
    }
}
