namespace Midx.App.Publishing;

/// <summary>
/// Ends this instance's live listeners whose session has ended, every <see cref="Interval"/>
/// (see <see cref="LiveJobAudience"/>: deliveries check their audience anyway; this catches idle listeners).
/// </summary>
public sealed class LiveJobSessionWorker(LiveJobAudience audience, TimeProvider time, ILogger<LiveJobSessionWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await audience.CloseEndedAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Checking the sessions of live listeners failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
