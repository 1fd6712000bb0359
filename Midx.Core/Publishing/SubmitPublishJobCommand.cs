using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Privacy;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// Turns a compose submission (from the compose page or the API) into a job: checks it against the creator's fresh
/// <c>creator_info</c> and the video's own bytes, then writes the job, its consent record and its first history entry in
/// one transaction. Only a member (or API key) who may compose in the workspace, for one of its accounts, and within its
/// posting boundary; where the workspace asks for review and the composer may not approve, the post waits at
/// <see cref="JobState.AwaitingReview"/>. The same (workspace, submission key) twice gives back the first job, so a double
/// click, or an API call retried with the same Idempotency-Key, is one post.
/// </summary>
public sealed class SubmitPublishJobCommand(
    MidxDbContext db,
    MediaStore media,
    JobUpdateBus bus,
    TimeProvider time,
    IOptions<PublishingOptions> publishing,
    IOptions<RetentionOptions> retention,
    ILogger<SubmitPublishJobCommand> logger)
{
    public async Task<PublishingResult<SubmittedJob>> ExecuteAsync(PublishRequest request, CreatorSnapshot creator, CancellationToken cancellationToken)
    {
        if (await FindExistingAsync(request.WorkspaceId, request.SubmissionKey, cancellationToken) is { } existing)
        {
            return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(existing, AlreadySubmitted: true));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (PublishRequestRules.Check(request, creator, publishing.Value.PullFromUrlPrefixes, now) is { } invalid)
        {
            return invalid;
        }

        var composers = WorkspaceRoles.RolesAllowing(WorkspacePermission.Compose);
        var found = await (from a in db.TikTokAccounts.AsNoTracking()
                           join w in db.Workspaces.AsNoTracking() on a.WorkspaceId equals w.Id
                           join m in db.MembershipsOf(request.Composer) on w.Id equals m.WorkspaceId
                           where a.Id == request.TikTokAccountId && a.WorkspaceId == request.WorkspaceId && composers.Contains(m.Role)
                           select new { Account = a, w.InboxDraftsOnly, w.RequiresReview, m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.AccountNotFound, ErrorCatalog.AccountNotFound.ToDo);
        }

        var account = found.Account;
        if (request.Mode == PublishMode.Direct && found.InboxDraftsOnly)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.DirectPostOff, ErrorCatalog.DirectPostOff.Told);
        }

        if (account.TokenState == TokenState.NeedsReconnect)
        {
            return PublishRequestRules.AccountNeedsReconnect(account.Username);
        }

        StoredMedia? video = null;
        if (request.Source == VideoSource.File)
        {
            video = await media.FindAsync(MediaStore.OwnerOf(request.Composer, request.WorkspaceId), request.UploadId!.Value, cancellationToken);
            if (video is null)
            {
                return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.VideoMissing,
                    $"The uploaded video is no longer here (Midx keeps uploads for {retention.Value.MediaHours} hours). Upload it again.");
            }

            // The file is read again rather than trusting what the upload said: the creator's limit may differ.
            var facts = await VideoInspector.InspectFileAsync(video.Path, cancellationToken);
            if (!facts.Succeeded)
            {
                return facts.Error;
            }

            if (VideoInspector.CheckDuration(facts.Value, creator.MaxVideoPostDurationSec) is { } tooLong)
            {
                return tooLong;
            }

            if (PublishRequestRules.CheckCover(request.CoverTimestampMs, facts.Value.DurationMs) is { } cover)
            {
                return cover;
            }

            if (request.ScheduledAtUtc > media.LatestPostTime(video.UploadedAt))
            {
                return media.ScheduleTooFar(video.UploadedAt);
            }
        }

        var job = BuildJob(request, creator, video, WorkspaceRoles.PostsNeedApproval(found.RequiresReview, found.Role), now);
        var (declaration, shown) = PostChoices.Consent(request, creator, job);
        var consent = new ConsentRecord
        {
            JobId = job.Id,
            UserId = request.Composer.UserId,
            ApiKeyId = request.Composer.ApiKeyId,
            AgreedAt = now,
            CreatorNickname = creator.Nickname,
            CreatorUsername = creator.Username,
            DeclarationText = declaration,
            ShownJson = shown,
            CallerConsentText = request.ConsentText,
        };
        var firstMessage = JobMessages.WaitingFor(job);
        db.PublishJobs.Add(job);
        db.ConsentRecords.Add(consent);
        db.PublishEvents.Add(new PublishEvent { JobId = job.Id, At = now, State = job.State, Message = firstMessage });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests with the same key raced; the unique index let one through, and that one is the job.
            db.ChangeTracker.Clear();
            var raced = await FindExistingAsync(request.WorkspaceId, request.SubmissionKey, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(raced, AlreadySubmitted: true));
        }

        logger.LogInformation("Job {JobId} submitted by {UserId}{ApiKeyId}: {Mode} {Source}, {State}", job.Id, job.UserId, job.ApiKeyId, job.Mode, job.Source, job.State);
        await bus.PublishAsync(JobUpdate.From(job, firstMessage, now), cancellationToken);
        return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(job, AlreadySubmitted: false));
    }

    private Task<PublishJob?> FindExistingAsync(Guid workspaceId, string submissionKey, CancellationToken cancellationToken) =>
        db.PublishJobs.AsNoTracking().SingleOrDefaultAsync(j => j.WorkspaceId == workspaceId && j.SubmissionKey == submissionKey, cancellationToken);

    private static PublishJob BuildJob(PublishRequest request, CreatorSnapshot creator, StoredMedia? video, bool needsApproval, DateTime now)
    {
        var job = new PublishJob
        {
            UserId = request.Composer.UserId,
            ApiKeyId = request.Composer.ApiKeyId,
            WorkspaceId = request.WorkspaceId,
            TikTokAccountId = request.TikTokAccountId,
            SubmissionKey = request.SubmissionKey,
            Source = request.Source,
            FileName = video?.FileName,
            FileSize = video?.Size ?? 0,
            MimeType = video?.MimeType,
            MediaPath = video?.Path,
            DurationMs = video?.DurationMs,
            SourceUrl = request.Source == VideoSource.Url ? request.SourceUrl : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        PostChoices.ApplyTo(job, request, creator, now);
        job.State = needsApproval ? JobState.AwaitingReview : job.ScheduledAt is null ? JobState.Queued : JobState.Scheduled;
        return job;
    }
}
