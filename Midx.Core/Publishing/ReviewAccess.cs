using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>The first step of an approval and a send-back: the post, only for a member who may approve where it waits for review.</summary>
internal static class ReviewAccess
{
    /// <summary>
    /// The tracked job if <paramref name="userId"/> may approve in its workspace and it awaits review; otherwise why not:
    /// not found for anyone outside the workspace (a stranger learns nothing), not allowed for a member whose role may
    /// not approve, and where it is now when it no longer waits.
    /// </summary>
    public static async Task<(PublishJob? Job, PublishingError? Refusal)> FindForReviewAsync(
        this MidxDbContext db, Guid userId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs
            .SingleOrDefaultAsync(j => j.Id == jobId && db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(j.WorkspaceId), cancellationToken);
        if (job is null)
        {
            return (null, new PublishingError(ErrorCatalog.JobNotFound, ErrorCatalog.JobNotFound.Told));
        }

        if (!await db.WorkspacesWhere(userId, WorkspacePermission.Approve).ContainsAsync(job.WorkspaceId, cancellationToken))
        {
            return (null, new PublishingError(ErrorCatalog.NotAllowedToApprove, ErrorCatalog.NotAllowedToApprove.Told));
        }

        return job.State == JobState.AwaitingReview ? (job, null) : (null, NoLongerAwaiting(job.State));
    }

    public static PublishingError NoLongerAwaiting(JobState state) =>
        new(ErrorCatalog.NotAwaitingReview, $"{ErrorCatalog.NotAwaitingReview.Told} It is {JobStateMachine.Label(state).ToLowerInvariant()} now.");
}
