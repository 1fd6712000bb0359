using Midx.App.Hosting;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>Deletes media files older than Midx:Retention:MediaHours, shortly after start and then every hour.</summary>
public sealed class MediaSweepWorker(MediaStore media, IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<MediaSweepWorker> logger)
    : ScheduledWorker(scopes, time, lifetime, logger)
{
    public const string WorkerName = "MediaSweepWorker";

    protected override string Name => WorkerName;

    protected override TimeSpan FirstRunDelay => TimeSpan.FromSeconds(20);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task<string> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var deleted = media.SweepExpired();
        logger.LogInformation("Media sweep deleted {Files} expired files", deleted);
        return Task.FromResult($"Last sweep deleted {deleted} files");
    }
}
