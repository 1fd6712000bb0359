using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A Publisher or Owner sends a post awaiting review back with a comment: it waits at
/// <see cref="JobState.ChangesRequested"/>, its page shows the comment live to everyone in the workspace, and an edit
/// (<see cref="EditPublishJobCommand"/>) puts it back in review.
/// </summary>
public sealed class SendBackPublishJobCommand(MidxDbContext db, ApplyJobChangeCommand apply, AuditLog audit)
{
    public async Task<PublishingResult<PublishJob>> ExecuteAsync(Guid userId, Guid jobId, string? comment, CancellationToken cancellationToken)
    {
        var text = comment?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new PublishingError(ErrorCatalog.ReviewCommentMissing, ErrorCatalog.ReviewCommentMissing.Told);
        }

        if (text.Length > PublishReview.MaxCommentLength)
        {
            return new PublishingError(ErrorCatalog.ReviewCommentTooLong,
                $"The comment is {text.Length:N0} characters long; at most {PublishReview.MaxCommentLength:N0} fit. {ErrorCatalog.ReviewCommentTooLong.ToDo}");
        }

        var (job, refusal) = await db.FindForReviewAsync(userId, jobId, cancellationToken);
        if (job is null)
        {
            return refusal!;
        }

        job.ReviewComment = text;
        var name = await db.ActorNameAsync(PostActor.Member(userId), job, cancellationToken);
        audit.Add(AuditActions.PostSentBack, userId, job.UserId, $"job {job.Id} in workspace {job.WorkspaceId}");
        var change = new JobChange(JobState.ChangesRequested) { Message = $"Sent back by {name}: {text}" };
        if (await apply.ExecuteAsync(job, change, cancellationToken) is null)
        {
            return ReviewAccess.NoLongerAwaiting(job.State);
        }

        return PublishingResult<PublishJob>.Ok(job);
    }
}
