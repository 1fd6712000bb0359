using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// Cancels a job that has not started: Scheduled, or Queued with no worker holding its lease. The state change is one
/// conditional UPDATE, so a worker claiming the job at the same moment either wins (and the cancel is refused) or
/// finds it cancelled; nothing has been sent to TikTok either way.
/// </summary>
public sealed class CancelUploadCommand(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public const string EventMessage = "Cancelled by an administrator before it was sent to TikTok.";

    public async Task<AdminActionResult> ExecuteAsync(Guid adminId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs.AsNoTracking()
            .Where(j => j.Id == jobId)
            .Select(j => new { j.UserId, j.State })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return AdminActionResult.NotFound("There is no such upload.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.PublishJobs
            .Where(j => j.Id == jobId
                && (j.State == JobState.Scheduled || j.State == JobState.Queued)
                && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Cancelled)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.NextPollAt, (DateTime?)null), cancellationToken);
        if (changed == 0)
        {
            return AdminActionResult.Refused(
                $"This upload is {job.State} and has already started or finished; only scheduled or queued uploads can be cancelled.");
        }

        db.PublishEvents.Add(new PublishEvent { JobId = jobId, At = now, State = JobState.Cancelled, Message = EventMessage });
        audit.Add(AdminAuditActions.CancelledUpload, actorUserId: adminId, subjectUserId: job.UserId, detail: $"upload {jobId} was {job.State}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminActionResult.Done("The upload is cancelled. Nothing was sent to TikTok.");
    }
}
