using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// A member who may compose edits a post that has not started: awaiting review, sent back, or scheduled and more than
/// <see cref="PublishReview.EditMargin"/> from its time. The video and the account stay; every other choice is checked as a
/// new post's would be against the creator's fresh <c>creator_info</c> and replaces the old, and the consent record
/// becomes this edit's. An edit needs approval again wherever the editor's own post would (an approval given before is
/// cleared); otherwise the post goes on at its (new) time. The reviewer's comment is cleared: it has been acted on.
/// </summary>
public sealed class EditPublishJobCommand(MidxDbContext db, ApplyJobChangeCommand apply, MediaStore media, TimeProvider time)
{
    public async Task<PublishingResult<PublishJob>> ExecuteAsync(Guid jobId, PublishRequest request, CreatorSnapshot creator, CancellationToken cancellationToken)
    {
        var found = await ComposerJob.Find(db, request.Composer, jobId).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new PublishingError(ErrorCatalog.JobNotFound, ErrorCatalog.JobNotFound.Told);
        }

        var job = found.Job;
        var now = time.GetUtcNow().UtcDateTime;
        if (!JobStateMachine.CanUserEdit(job.State) || (job.State == JobState.Scheduled && job.ScheduledAt <= now + PublishReview.EditMargin))
        {
            return new PublishingError(ErrorCatalog.NotEditable, ErrorCatalog.NotEditable.Told);
        }

        var account = await db.TikTokAccounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == request.TikTokAccountId && a.Id == job.TikTokAccountId && a.WorkspaceId == job.WorkspaceId, cancellationToken);
        if (account is null)
        {
            return new PublishingError(ErrorCatalog.AccountNotFound, ErrorCatalog.AccountNotFound.ToDo);
        }

        if (request.Mode == PublishMode.Direct && found.InboxDraftsOnly)
        {
            return new PublishingError(ErrorCatalog.DirectPostOff, ErrorCatalog.DirectPostOff.Told);
        }

        if (account.TokenState == TokenState.NeedsReconnect)
        {
            return PublishRequestRules.AccountNeedsReconnect(account.Username);
        }

        if (PublishRequestRules.CheckChoices(request, creator, now) is { } invalid)
        {
            return invalid;
        }

        if (job.Source == VideoSource.File && await CheckVideoAsync(job, request, creator, cancellationToken) is { } videoProblem)
        {
            return videoProblem;
        }

        PostChoices.ApplyTo(job, request, creator, now);
        job.ReviewComment = null;
        var (declaration, shown) = PostChoices.Consent(request, creator, job);
        var consent = await db.ConsentRecords.SingleAsync(c => c.JobId == job.Id, cancellationToken);
        consent.UserId = request.Composer.UserId;
        consent.ApiKeyId = request.Composer.ApiKeyId;
        consent.AgreedAt = now;
        consent.CreatorNickname = creator.Nickname;
        consent.CreatorUsername = creator.Username;
        consent.DeclarationText = declaration;
        consent.ShownJson = shown;
        consent.ClearApproval();

        var next = found.PostsNeedApproval ? JobState.AwaitingReview
            : job.ScheduledAt is null ? JobState.Queued : JobState.Scheduled;
        var name = await db.ActorNameAsync(request.Composer, job, cancellationToken);
        var message = $"Edited by {name}. {JobMessages.WaitingFor(next, job.ScheduledAt)}";
        if (await apply.ExecuteAsync(job, new JobChange(next) { Message = message }, cancellationToken) is null)
        {
            return new PublishingError(ErrorCatalog.NotEditable, ErrorCatalog.NotEditable.Told);
        }

        return PublishingResult<PublishJob>.Ok(job);
    }

    private async Task<PublishingError?> CheckVideoAsync(PublishJob job, PublishRequest request, CreatorSnapshot creator, CancellationToken cancellationToken)
    {
        var video = await media.FindForJobAsync(job, cancellationToken);
        if (video is null)
        {
            return new PublishingError(ErrorCatalog.VideoMissing, PublishReview.VideoGone);
        }

        if (video.DurationMs > creator.MaxVideoPostDurationSec * 1000)
        {
            return VideoErrors.TooLong(TimeSpan.FromMilliseconds(video.DurationMs), creator.MaxVideoPostDurationSec);
        }

        if (PublishRequestRules.CheckCover(request.CoverTimestampMs, video.DurationMs) is { } cover)
        {
            return cover;
        }

        return request.ScheduledAtUtc > media.LatestPostTime(video.UploadedAt) ? media.ScheduleTooFar(video.UploadedAt) : null;
    }
}
