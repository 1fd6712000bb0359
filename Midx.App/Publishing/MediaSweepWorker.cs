using Midx.Core.Admin;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>Deletes media files older than Midx:Retention:MediaHours, shortly after start and then every hour.</summary>
public sealed class MediaSweepWorker(MediaStore media, IServiceScopeFactory scopes, TimeProvider time, ILogger<MediaSweepWorker> logger) : BackgroundService
{
    public const string Name = "MediaSweepWorker";

    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = media.SweepExpired();
            logger.LogInformation("Media sweep deleted {Files} expired files", deleted);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkerHeartbeatRecorder>()
                .BeatAsync(Name, $"Last sweep deleted {deleted} files", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed sweep is retried at the next run; it must not stop the worker.
            logger.LogError(e, "Media sweep failed");
        }
    }
}
