using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// What a reviewer decided about a post awaiting review. <see cref="PostNow"/> or <see cref="NewTimeUtc"/> answer a post
/// whose time passed while it waited; either also replaces a time still to come.
/// <see cref="SeenVersion"/>: the post's <see cref="PublishJob.UpdatedAt"/> as the reviewer's page showed it; an approval
/// of a version the reviewer never saw (edited meanwhile) is refused.
/// </summary>
public sealed record Approval(Guid UserId, Guid JobId, bool ConsentGiven, bool PostNow = false, DateTime? NewTimeUtc = null, DateTime? SeenVersion = null);

/// <summary>
/// A Publisher or Owner approves a post awaiting review: checked again against the creator's <c>creator_info</c> of this
/// moment (read by the page), the video still kept, and a time still to come. A scheduled post whose time passed
/// meanwhile is never sent late in silence: the approval is refused with <see cref="ErrorCatalog.ApprovalLate"/> until
/// the reviewer chooses a new time or to post now. The consent record keeps who approved, when, the declaration they
/// agreed to and the creator settings they saw.
/// </summary>
public sealed class ApprovePublishJobCommand(MidxDbContext db, ApplyJobChangeCommand apply, MediaStore media, AuditLog audit, TimeProvider time)
{
    public async Task<PublishingResult<PublishJob>> ExecuteAsync(Approval approval, CreatorSnapshot creator, CancellationToken cancellationToken)
    {
        var (job, refusal) = await db.FindForReviewAsync(approval.UserId, approval.JobId, cancellationToken);
        if (job is null)
        {
            return refusal!;
        }

        if (!approval.ConsentGiven)
        {
            return new PublishingError(ErrorCatalog.ConsentMissing);
        }

        if (approval.SeenVersion is { } seen && seen != job.UpdatedAt)
        {
            return new PublishingError(ErrorCatalog.ReviewOutdated, $"{ErrorCatalog.ReviewOutdated.Told} {ErrorCatalog.ReviewOutdated.ToDo}");
        }

        if (StillFits(job, creator) is { } changed)
        {
            return changed;
        }

        if (await db.TikTokAccounts.Where(a => a.Id == job.TikTokAccountId).Select(a => new { a.TokenState, a.Username }).SingleOrDefaultAsync(cancellationToken)
            is { TokenState: TokenState.NeedsReconnect } blocked)
        {
            return new PublishingError(ErrorCatalog.AccountNeedsReconnect,
                $"TikTok no longer accepts Midx's access to @{blocked.Username}. Reconnect it on the Accounts page, then approve the post.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        DateTime? at = approval.PostNow ? null : approval.NewTimeUtc ?? job.ScheduledAt;
        if (at is { } due && due <= now)
        {
            return approval.NewTimeUtc is null
                ? new PublishingError(ErrorCatalog.ApprovalLate,
                    $"This post was to go at {due:yyyy-MM-dd HH:mm} UTC, and that time passed while it waited for review. "
                    + ErrorCatalog.ApprovalLate.ToDo)
                : new PublishingError(ErrorCatalog.ScheduleInPast);
        }

        if (job.Source == VideoSource.File)
        {
            var video = await media.FindForJobAsync(job, cancellationToken);
            if (video is null)
            {
                return new PublishingError(ErrorCatalog.VideoMissing, PublishReview.VideoGone);
            }

            if (at > media.LatestPostTime(video.UploadedAt))
            {
                return media.ScheduleTooFar(video.UploadedAt);
            }
        }

        var consent = await db.ConsentRecords.SingleAsync(c => c.JobId == job.Id, cancellationToken);
        consent.ApprovedByUserId = approval.UserId;
        consent.ApprovedAt = now;
        consent.ApprovalDeclarationText = SharingGuidelineTexts.ApprovalDeclaration(job.BrandContentToggle);
        consent.ApprovalShownJson = JsonSerializer.Serialize(new
        {
            creatorInfo = new
            {
                nickname = creator.Nickname,
                username = creator.Username,
                privacyLevelOptions = creator.PrivacyLevelOptions,
                commentDisabled = creator.CommentDisabled,
                duetDisabled = creator.DuetDisabled,
                stitchDisabled = creator.StitchDisabled,
                maxVideoPostDurationSec = creator.MaxVideoPostDurationSec,
                directPostOffered = creator.DirectPostOffered,
            },
            approvedForUtc = at,
        });

        job.ScheduledAt = at;
        var next = at is null ? JobState.Queued : JobState.Scheduled;
        var name = await db.ActorNameAsync(PostActor.Member(approval.UserId), job, cancellationToken);
        audit.Add(AuditActions.PostApproved, approval.UserId, job.UserId, $"job {job.Id} in workspace {job.WorkspaceId}");
        var message = $"Approved by {name}. {JobMessages.WaitingFor(next, at)}";
        if (await apply.ExecuteAsync(job, new JobChange(next) { Message = message }, cancellationToken) is null)
        {
            return ReviewAccess.NoLongerAwaiting(job.State);
        }

        return PublishingResult<PublishJob>.Ok(job);
    }

    /// <summary>What the creator's settings of this moment no longer allow of the post, said so that the reviewer can send it back.</summary>
    private static PublishingError? StillFits(PublishJob job, CreatorSnapshot creator)
    {
        const string sendBack = " Send it back so that it can be changed.";
        if (job.Mode == PublishMode.Direct && !creator.DirectPostOffered)
        {
            return new(ErrorCatalog.DirectPostOff, ErrorCatalog.DirectPostOff.Told + sendBack);
        }

        if (job.PrivacyLevel is { } privacy && !creator.PrivacyLevelOptions.Contains(privacy))
        {
            return new(ErrorCatalog.PrivacyNotOffered,
                $"This TikTok account no longer offers \"{SharingGuidelineTexts.PrivacyName(privacy)}\"." + sendBack);
        }

        if (job.DurationMs is { } ms && ms > creator.MaxVideoPostDurationSec * 1000)
        {
            return new(ErrorCatalog.TooLong, VideoErrors.TooLong(TimeSpan.FromMilliseconds(ms), creator.MaxVideoPostDurationSec).Message
                + " Cancel it, and compose it again with a shorter video.");
        }

        return null;
    }
}
