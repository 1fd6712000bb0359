using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Data;
using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>
/// The one place a job changes: checks the move against <see cref="JobStateMachine"/>, updates the row, appends a
/// <see cref="PublishEvent"/> to its history, saves (together with anything else the caller changed on the tracked
/// job, such as publish_id and upload_url), and then tells the <see cref="JobUpdateBus"/>. A move into a state where
/// <see cref="JobStateMachine.UploadUrlSpent"/> drops the upload_url in the same write.
/// Progress that changes only the byte count is saved and pushed but not written to the history.
/// The write is conditional on the state that was read (a concurrency token): when someone else moved the job first
/// (a worker and a user's cancel), nothing is written, the job is reloaded, and the result is null.
/// </summary>
public sealed class ApplyJobChangeCommand(MidxDbContext db, JobUpdateBus bus, TimeProvider time, ILogger<ApplyJobChangeCommand> logger)
{
    public async Task<JobUpdate?> ExecuteAsync(PublishJob job, JobChange change, CancellationToken cancellationToken)
    {
        var from = job.State;
        if (!JobStateMachine.CanMove(from, change.State))
        {
            // A caller that asks for a move the rules forbid has a bug; the row stays as it was.
            throw new InvalidOperationException($"Job {job.Id} cannot move from {from} to {change.State}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var statusChanged = change.TikTokStatus is not null && change.TikTokStatus != job.TikTokStatus;
        job.State = change.State;
        job.UpdatedAt = now;
        job.TikTokStatus = change.TikTokStatus ?? job.TikTokStatus;
        job.BytesUploaded = change.BytesUploaded ?? job.BytesUploaded;
        job.PublicPostId = change.PublicPostId ?? job.PublicPostId;
        if (change.ErrorCode is not null || change.State == JobState.Failed)
        {
            job.ErrorCode = change.ErrorCode?.Value ?? job.ErrorCode;
            job.ErrorMessage = Truncate(change.Message, 1000) ?? job.ErrorMessage;
            job.ErrorLogId = change.LogId ?? job.ErrorLogId;
        }

        if (JobStateMachine.UploadUrlSpent(change.State))
        {
            job.UploadUrl = null;
        }

        if (JobStateMachine.IsTerminal(change.State))
        {
            job.CompletedAt ??= now;
            job.NextPollAt = null;
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
        }

        var progressOnly = from == change.State && !statusChanged && change.ErrorCode is null && change.Message is null
            && change.PublicPostId is null;
        PublishEvent? entry = null;
        if (!progressOnly)
        {
            entry = new PublishEvent
            {
                JobId = job.Id,
                At = now,
                State = change.State,
                TikTokStatus = change.TikTokStatus,
                BytesUploaded = change.BytesUploaded,
                Message = Truncate(change.Message, 1000),
                ErrorCode = change.ErrorCode?.Value,
                LogId = change.LogId,
            };
            db.PublishEvents.Add(entry);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            if (entry is not null)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            await db.Entry(job).ReloadAsync(cancellationToken);
            logger.LogInformation("Job {JobId} was moved to {State} by someone else before {Wanted} could be saved", job.Id, job.State, change.State);
            return null;
        }
        if (from != change.State)
        {
            logger.LogInformation("Job {JobId} moved from {From} to {To} (TikTok status {TikTokStatus}, error {ErrorCode}, log id {LogId})",
                job.Id, from, change.State, job.TikTokStatus, change.ErrorCode, change.LogId);
        }

        var update = JobUpdate.From(job, change.Message, now, isHistoryEntry: entry is not null);
        await bus.PublishAsync(update, cancellationToken);
        return update;
    }

    /// <summary>
    /// Adds a line to a job's history without moving it (a hold, "still processing"), pushed like any change.
    /// With <paramref name="keepOnJob"/> the code and message also stay on the job until the worker clears them, so a
    /// page shows why a waiting job waits. Null when someone else moved the job first.
    /// </summary>
    public async Task<JobUpdate?> NoteAsync(PublishJob job, string message, ErrorCode code, bool keepOnJob, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        job.UpdatedAt = now;
        if (keepOnJob)
        {
            job.ErrorCode = code.Value;
            job.ErrorMessage = Truncate(message, 1000);
        }

        var entry = new PublishEvent { JobId = job.Id, At = now, State = job.State, TikTokStatus = job.TikTokStatus, Message = Truncate(message, 1000), ErrorCode = code.Value };
        db.PublishEvents.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(entry).State = EntityState.Detached;
            await db.Entry(job).ReloadAsync(cancellationToken);
            return null;
        }

        logger.LogInformation("Job {JobId} ({State}) noted {Code}", job.Id, job.State, code);
        var update = JobUpdate.From(job, message, now);
        await bus.PublishAsync(update, cancellationToken);
        return update;
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
