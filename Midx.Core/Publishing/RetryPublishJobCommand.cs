using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A new attempt of a failed job: a new job with <see cref="PublishJob.RetryOfJobId"/> set, the same content, and a
/// consent record for this click. The failed job is left as it was. An approval of the failed post carries over (the
/// content is the same); where posts need approval and the failed one had none, the new attempt waits for review. A job is retried at most once (its retry can be
/// retried in turn), so a double click on Retry is still one attempt.
/// </summary>
public sealed class RetryPublishJobCommand(
    MidxDbContext db, JobUpdateBus bus, TimeProvider time, IOptions<TikTokOptions> tikTok, ILogger<RetryPublishJobCommand> logger)
{
    public static string SubmissionKeyFor(Guid failedJobId) => $"retry-{failedJobId:N}";

    /// <summary>
    /// Whether Midx still has what a new attempt would send: a link always; an uploaded file only until it is deleted,
    /// which happens once TikTok has the video (so a post TikTok refused while processing cannot be sent again).
    /// </summary>
    public static bool VideoKept(PublishJob job) =>
        job.Source == VideoSource.Url || (job.MediaPath is not null && File.Exists(job.MediaPath));

    public async Task<PublishingResult<SubmittedJob>> ExecuteAsync(PostActor actor, Guid jobId, CancellationToken cancellationToken)
    {
        var found = await ComposerJob.Find(db, actor, jobId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.JobNotFound, ErrorCatalog.JobNotFound.Told);
        }

        var failed = found.Job;

        var key = SubmissionKeyFor(failed.Id);
        var existing = await FindAttemptAsync(failed.WorkspaceId, key, cancellationToken);
        if (existing is not null)
        {
            return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(existing, AlreadySubmitted: true));
        }

        if (!JobStateMachine.CanUserRetry(failed.State))
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.NotRetryable, ErrorCatalog.NotRetryable.Told);
        }

        // A Direct Post from before drafts became the posting boundary: Midx no longer holds the permission it needs.
        if (failed.Mode == PublishMode.Direct && tikTok.Value.InboxDraftsOnlyIn(found.InboxDraftsOnly))
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.DirectPostOff,
                $"{ErrorCatalog.DirectPostOff.Told} Compose the post again to send it to the TikTok inbox.");
        }

        if (failed.TikTokAccountId is null)
        {
            // The account is gone (linking it again makes a new one), so the post is composed again, with a fresh
            // creator_info and consent.
            var creator = await db.ConsentRecords.AsNoTracking().Where(c => c.JobId == failed.Id)
                .Select(c => new { c.CreatorUsername, c.CreatorNickname }).SingleOrDefaultAsync(cancellationToken);
            var name = PostAccountName.Of(creator?.CreatorUsername, creator?.CreatorNickname) ?? "its TikTok account";
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.AccountDisconnected,
                $"This post can't be retried: {name} was disconnected from Midx. Link {name} again, then compose the post again.");
        }

        if (!VideoKept(failed))
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.VideoMissing,
                "The video file of this post is no longer kept on Midx. Compose the post again with the file.");
        }

        var account = await db.TikTokAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == failed.TikTokAccountId && a.WorkspaceId == failed.WorkspaceId, cancellationToken);
        if (account is null)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.AccountNotFound, "The TikTok account of this post is no longer linked. Link it and compose the post again.");
        }

        if (account.TokenState == TokenState.NeedsReconnect)
        {
            return PublishingResult<SubmittedJob>.Fail(ErrorCatalog.AccountNeedsReconnect,
                $"TikTok no longer accepts Midx's access to @{account.Username}. Reconnect the account on the Accounts page, then retry.");
        }

        var consent = await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(c => c.JobId == failed.Id, cancellationToken);
        if (consent is null)
        {
            throw new InvalidOperationException($"Job {failed.Id} has no consent record.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var needsApproval = consent.ApprovedAt is null && found.PostsNeedApproval;
        var retry = new PublishJob
        {
            UserId = actor.UserId,
            ApiKeyId = actor.ApiKeyId,
            WorkspaceId = failed.WorkspaceId,
            TikTokAccountId = failed.TikTokAccountId,
            SubmissionKey = key,
            RetryOfJobId = failed.Id,
            Mode = failed.Mode,
            Source = failed.Source,
            FileName = failed.FileName,
            FileSize = failed.FileSize,
            MimeType = failed.MimeType,
            MediaPath = failed.MediaPath,
            DurationMs = failed.DurationMs,
            SourceUrl = failed.SourceUrl,
            Caption = failed.Caption,
            PrivacyLevel = failed.PrivacyLevel,
            DisableComment = failed.DisableComment,
            DisableDuet = failed.DisableDuet,
            DisableStitch = failed.DisableStitch,
            CoverTimestampMs = failed.CoverTimestampMs,
            BrandContentToggle = failed.BrandContentToggle,
            BrandOrganicToggle = failed.BrandOrganicToggle,
            IsAigc = failed.IsAigc,
            State = needsApproval ? JobState.AwaitingReview : JobState.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var message = needsApproval ? $"A new attempt of a post that failed. {JobMessages.AwaitingReview}" : "Waiting to start: a new attempt of a post that failed.";
        db.PublishJobs.Add(retry);
        db.ConsentRecords.Add(new ConsentRecord
        {
            JobId = retry.Id,
            UserId = actor.UserId,
            ApiKeyId = actor.ApiKeyId,
            AgreedAt = now,
            CreatorNickname = consent.CreatorNickname,
            CreatorUsername = consent.CreatorUsername,
            DeclarationText = consent.DeclarationText,
            ShownJson = consent.ShownJson,
            ApprovedByUserId = consent.ApprovedByUserId,
            ApprovedAt = consent.ApprovedAt,
            ApprovalDeclarationText = consent.ApprovalDeclarationText,
            ApprovalShownJson = consent.ApprovalShownJson,
        });
        db.PublishEvents.Add(new PublishEvent { JobId = retry.Id, At = now, State = retry.State, Message = message });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var raced = await FindAttemptAsync(failed.WorkspaceId, key, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(raced, AlreadySubmitted: true));
        }

        logger.LogInformation("Job {JobId} retries failed job {FailedJobId}", retry.Id, failed.Id);
        await bus.PublishAsync(JobUpdate.From(retry, message, now), cancellationToken);
        return PublishingResult<SubmittedJob>.Ok(new SubmittedJob(retry, AlreadySubmitted: false));
    }

    private Task<PublishJob?> FindAttemptAsync(Guid workspaceId, string key, CancellationToken cancellationToken) =>
        db.PublishJobs.AsNoTracking().SingleOrDefaultAsync(j => j.WorkspaceId == workspaceId && j.SubmissionKey == key, cancellationToken);

}
