using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A post with everything its page shows to a member of its workspace: the job, its history, what was consented to,
/// the account's @username and the newer attempt made by Retry. The post page and its JSON status read through this
/// one query; a post of a workspace the person is not in and a post that never existed are both null.
/// </summary>
public sealed class PostDetailQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<PostDetail?> ExecuteAsync(Guid userId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.Id == jobId && db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(j.WorkspaceId), cancellationToken);
        if (job is null)
        {
            return null;
        }

        var events = await db.PublishEvents.AsNoTracking().Where(e => e.JobId == job.Id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var consent = await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(c => c.JobId == job.Id, cancellationToken);
        var username = await db.TikTokAccounts.AsNoTracking().Where(a => a.Id == job.TikTokAccountId && a.WorkspaceId == job.WorkspaceId)
            .Select(a => a.Username).SingleOrDefaultAsync(cancellationToken) ?? consent?.CreatorUsername;
        var retryKey = RetryPublishJobCommand.SubmissionKeyFor(job.Id);
        var retryId = await db.PublishJobs.AsNoTracking().Where(j => j.WorkspaceId == job.WorkspaceId && j.SubmissionKey == retryKey)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        var message = JobLease.WorkerStopped(job, time.GetUtcNow().UtcDateTime)
            ? JobLease.WorkerStoppedMessage
            : events.LastOrDefault()?.Message ?? job.ErrorMessage;
        var videoKept = RetryPublishJobCommand.VideoKept(job);
        var mayChange = await db.WorkspacesWhere(userId, WorkspacePermission.Compose).ContainsAsync(job.WorkspaceId, cancellationToken);
        return new PostDetail(job.WithoutWorkerSecrets(), events, consent, username, retryId, message, videoKept, mayChange);
    }
}

/// <summary>
/// A post as its page shows it. <see cref="Message"/> is what the page says now: the newest history line, or, when
/// the worker sending it died, that the upload resumes after the restart. <see cref="VideoKept"/>: a new attempt could
/// still send the video (<see cref="RetryPublishJobCommand.VideoKept"/>). <see cref="MayChange"/>: the reader's role in the
/// post's workspace lets them cancel and retry it.
/// </summary>
public sealed record PostDetail(
    PublishJob Job,
    IReadOnlyList<PublishEvent> Events,
    ConsentRecord? Consent,
    string? Username,
    Guid? RetryId,
    string? Message,
    bool VideoKept,
    bool MayChange)
{
    /// <summary>The job as the live update of this moment carries it.</summary>
    public JobUpdate Update => JobUpdate.From(Job, Message, Events.LastOrDefault()?.At ?? Job.UpdatedAt);
}
