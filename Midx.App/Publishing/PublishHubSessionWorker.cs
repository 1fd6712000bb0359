namespace Midx.App.Publishing;

/// <summary>
/// Closes this instance's hub connections whose session has ended, every <see cref="Interval"/>
/// (see <see cref="PublishHubConnections"/>: sends check their audience anyway; this catches idle connections).
/// </summary>
public sealed class PublishHubSessionWorker(PublishHubConnections connections, TimeProvider time, ILogger<PublishHubSessionWorker> logger)
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
                    await connections.CloseEndedAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Checking the sessions of live connections failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
