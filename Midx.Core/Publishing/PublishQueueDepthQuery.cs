using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Publishing;

/// <summary>How much work the publish queue holds: jobs due now, and jobs not yet finished (for the worker's heartbeat).</summary>
public sealed class PublishQueueDepthQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<PublishQueueDepth> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.PublishJobs.Due(now).Runnable(db).CountAsync(cancellationToken);
        // The unfinished states named one by one (not "not Published, Failed or Cancelled"), so the database counts them
        // from its State index instead of scanning every job.
        var open = await db.PublishJobs.CountAsync(j => j.State == JobState.AwaitingReview || j.State == JobState.ChangesRequested
            || j.State == JobState.Scheduled || j.State == JobState.Queued
            || j.State == JobState.Initializing || j.State == JobState.Uploading || j.State == JobState.Processing
            || j.State == JobState.SentToInbox, cancellationToken);
        return new PublishQueueDepth(due, open);
    }
}

/// <summary><see cref="Due"/>: jobs a worker could start now; <see cref="Open"/>: jobs not yet Published, Failed or Cancelled.</summary>
public sealed record PublishQueueDepth(int Due, int Open);
