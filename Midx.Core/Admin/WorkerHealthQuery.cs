using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// The last heartbeat of each worker, how many jobs are due and waiting (queued, or scheduled for a time that has
/// passed), and how late the oldest of them is. Due jobs are few and found through IX_PublishJobs_State_ScheduledAt.
/// </summary>
public sealed class WorkerHealthQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<WorkerHealth> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var beats = await db.WorkerHeartbeats.AsNoTracking()
            .OrderBy(w => w.Worker).ThenBy(w => w.Instance)
            .Select(w => new { w.Worker, w.Instance, w.LastBeatAt, w.Detail })
            .ToListAsync(cancellationToken);
        var workers = beats
            .Select(w => new WorkerStatus(w.Worker, w.Instance, w.LastBeatAt, w.Detail, Max(now - w.LastBeatAt, TimeSpan.Zero)))
            .ToList();

        var queued = await db.PublishJobs.CountAsync(j => j.State == JobState.Queued, cancellationToken);
        var scheduledDue = await db.PublishJobs.CountAsync(
            j => j.State == JobState.Scheduled && j.ScheduledAt <= now, cancellationToken);
        var scheduledLater = await db.PublishJobs.CountAsync(
            j => j.State == JobState.Scheduled && j.ScheduledAt > now, cancellationToken);

        var oldestScheduled = await db.PublishJobs
            .Where(j => (j.State == JobState.Scheduled || j.State == JobState.Queued) && j.ScheduledAt <= now)
            .OrderBy(j => j.ScheduledAt)
            .Select(j => j.ScheduledAt)
            .FirstOrDefaultAsync(cancellationToken);
        var oldestQueued = await db.PublishJobs
            .Where(j => j.State == JobState.Queued && j.ScheduledAt == null)
            .OrderBy(j => j.CreatedAt)
            .Select(j => (DateTime?)j.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

        DateTime? oldest = (oldestScheduled, oldestQueued) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
        return new WorkerHealth(workers, queued + scheduledDue, scheduledLater, oldest, oldest is { } o ? Max(now - o, TimeSpan.Zero) : null);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
