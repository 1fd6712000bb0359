using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// The last heartbeat of each worker, how many jobs are due and waiting (exactly the set the publish worker would
/// claim, <see cref="DueJobs"/>), and how long the oldest of them has waited.
/// </summary>
public sealed class WorkerHealthQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<WorkerHealth> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var beats = await db.WorkerHeartbeats.AsNoTracking()
            .OrderBy(w => w.Worker).ThenBy(w => w.Instance)
            .Select(w => new { w.Worker, w.Instance, w.LastBeatAt, w.Interval, w.Detail })
            .ToListAsync(cancellationToken);
        var workers = beats
            .Select(w => new WorkerStatus(w.Worker, w.Instance, w.LastBeatAt, w.Interval, w.Detail, Max(now - w.LastBeatAt, TimeSpan.Zero)))
            .ToList();

        var due = db.PublishJobs.Due(now).Runnable(db);
        var queueDepth = await due.CountAsync(cancellationToken);
        var oldest = await due.Select(DueJobs.DueSince).Select(at => (DateTime?)at).MinAsync(cancellationToken);
        var scheduledLater = await db.PublishJobs.CountAsync(
            j => j.State == JobState.Scheduled && j.ScheduledAt > now, cancellationToken);

        return new WorkerHealth(workers, queueDepth, scheduledLater, oldest is { } o ? Max(now - o, TimeSpan.Zero) : null);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
