using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// An admin's cancel of a job that has not started: Scheduled, or Queued with no worker holding its lease. The change
/// goes through <see cref="ApplyJobChangeCommand"/> like every other job change (state machine, history, concurrency
/// token, live update to the owner and admins), the video file is released, and the action is audited with the admin's
/// reason; without a reason nothing changes (<see cref="AdminActionReason"/>).
/// </summary>
public sealed class CancelUploadCommand(
    MidxDbContext db, ApplyJobChangeCommand apply, ReleaseJobMediaCommand release, AuditLog audit, TimeProvider time)
{
    public const string EventMessage = "Cancelled by an administrator before it was sent to TikTok.";

    public async Task<AdminActionResult> ExecuteAsync(Guid adminId, Guid jobId, string? reason, CancellationToken cancellationToken)
    {
        if (AdminActionReason.Clean(reason) is not { } why)
        {
            return AdminActionResult.Refused(AdminActionReason.Missing);
        }

        var job = await db.PublishJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return AdminActionResult.NotFound("There is no such upload.");
        }

        var from = job.State;
        var leased = job.LeaseExpiresAt is { } lease && lease > time.GetUtcNow().UtcDateTime;
        if (!UploadDetail.NotStarted(from) || leased
            || await apply.ExecuteAsync(job, new JobChange(JobState.Cancelled) { Message = EventMessage }, cancellationToken) is null)
        {
            return AdminActionResult.Refused(
                $"This upload is {JobStateMachine.Label(job.State)} and has already started or finished; only uploads that have not started (awaiting review, sent back, scheduled or queued) can be cancelled.");
        }

        await release.ExecuteAsync(job, cancellationToken);
        await audit.WriteAsync(AdminAuditActions.CancelledUpload, adminId, job.UserId, $"upload {jobId} was {from}; reason: {why}", cancellationToken);
        return AdminActionResult.Done("The upload is cancelled. Nothing was sent to TikTok.");
    }
}
