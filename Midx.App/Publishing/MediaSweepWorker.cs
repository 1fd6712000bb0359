using Midx.App.Hosting;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Deletes media files older than Midx:Retention:MediaHours and partial uploads abandoned for
/// Midx:Retention:AbandonedUploadMinutes, shortly after start and then every few minutes: often enough that a crash's
/// leftover goes within minutes, and a walk of the media folder is cheap next to that.
/// </summary>
public sealed class MediaSweepWorker(MediaStore media, IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<MediaSweepWorker> logger)
    : ScheduledWorker(scopes, time, lifetime, logger)
{
    public const string WorkerName = "MediaSweepWorker";

    protected override string Name => WorkerName;

    protected override TimeSpan FirstRunDelay => TimeSpan.FromSeconds(20);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override Task<string> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sweep = media.SweepExpired();
        logger.LogInformation("Media sweep deleted {Files} expired files and {Partials} abandoned partial uploads", sweep.Expired, sweep.AbandonedUploads);
        return Task.FromResult($"Last sweep deleted {sweep.Total} files");
    }
}
