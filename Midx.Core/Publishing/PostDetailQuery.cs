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
        // The reader is a member (the job was found through their View); one read gives their role and the posting boundary.
        var membership = await (from m in db.WorkspaceMembers.AsNoTracking()
                                join w in db.Workspaces.AsNoTracking() on m.WorkspaceId equals w.Id
                                where m.WorkspaceId == job.WorkspaceId && m.UserId == userId
                                select new { m.Role, w.InboxDraftsOnly })
            .SingleAsync(cancellationToken);
        var mayChange = WorkspaceRoles.Allows(membership.Role, WorkspacePermission.Compose);
        var mayApprove = WorkspaceRoles.Allows(membership.Role, WorkspacePermission.Approve);
        return new PostDetail(job.WithoutWorkerSecrets(), events, consent, username, retryId, message, videoKept, mayChange,
            await AgreedByAsync(userId, consent, cancellationToken), mayApprove,
            await GiverAsync(userId, consent?.ApprovedByUserId, consent?.ApprovedAt is not null, cancellationToken), membership.InboxDraftsOnly);
    }

    /// <summary>Who agreed to the post: a person as the reader knows them, or the API key whose user agreed in its app.</summary>
    private async Task<ConsentGiver> AgreedByAsync(Guid readerId, ConsentRecord? consent, CancellationToken cancellationToken) =>
        consent?.ApiKeyId is { } keyId
            ? ConsentGiver.Other(PublishReview.ApiKeyName(await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.Name).SingleAsync(cancellationToken)))
            : await GiverAsync(readerId, consent?.UserId, consent is not null, cancellationToken);

    /// <summary>A person named on the consent record as the reader knows them.</summary>
    private async Task<ConsentGiver> GiverAsync(Guid readerId, Guid? personId, bool recorded, CancellationToken cancellationToken)
    {
        if (!recorded)
        {
            return ConsentGiver.None;
        }

        if (personId == readerId)
        {
            return ConsentGiver.Reader;
        }

        var name = personId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return ConsentGiver.Other(name);
    }
}

/// <summary>
/// A post as its page shows it. <see cref="Message"/> is what the page says now: the newest history line, or, when
/// the worker sending it died, that the upload resumes after the restart. <see cref="VideoKept"/>: a new attempt could
/// still send the video (<see cref="RetryPublishJobCommand.VideoKept"/>). <see cref="MayChange"/>: the reader's role in the
/// post's workspace lets them cancel, retry and edit it. <see cref="AgreedBy"/>: who gave the consent, as the reader knows them.
/// <see cref="MayApprove"/>: the reader may approve or send back posts there. <see cref="ApprovedBy"/>: who approved it.
/// <see cref="WorkspaceInboxDraftsOnly"/>: the posting boundary of the post's workspace (what a reviewer's creator_info asks).
/// </summary>
public sealed record PostDetail(
    PublishJob Job,
    IReadOnlyList<PublishEvent> Events,
    ConsentRecord? Consent,
    string? Username,
    Guid? RetryId,
    string? Message,
    bool VideoKept,
    bool MayChange,
    ConsentGiver AgreedBy,
    bool MayApprove,
    ConsentGiver ApprovedBy,
    bool WorkspaceInboxDraftsOnly)
{
    /// <summary>The reader may edit it now: they may compose there and nothing has been sent.</summary>
    public bool MayEdit => MayChange && JobStateMachine.CanUserEdit(Job.State);

    /// <summary>The reader is asked to review it now.</summary>
    public bool AwaitsReader => MayApprove && Job.State == JobState.AwaitingReview;

    /// <summary>The job as the live update of this moment carries it.</summary>
    public JobUpdate Update => JobUpdate.From(Job, Message, Events.LastOrDefault()?.At ?? Job.UpdatedAt);
}

/// <summary>
/// Who pressed the button of a post, as its page names them to the reader: the reader themselves, another member by
/// name, or "a former member" once that person left Midx.
/// </summary>
public sealed record ConsentGiver(bool IsReader, string? Name)
{
    public const string FormerMember = "A former member";

    public static readonly ConsentGiver None = new(false, null);

    public static readonly ConsentGiver Reader = new(true, null);

    public static ConsentGiver Other(string? name) => new(false, name ?? FormerMember);
}
