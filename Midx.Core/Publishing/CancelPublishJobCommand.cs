using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A cancel by a member (or an API key) who may compose in the post's workspace: allowed before any TikTok call and while the bytes are still being sent (TikTok makes no post
/// from an incomplete upload). If a worker moved the job on first, the cancel says so and changes nothing.
/// </summary>
public sealed class CancelPublishJobCommand(MidxDbContext db, ApplyJobChangeCommand apply, ReleaseJobMediaCommand release)
{
    public async Task<PublishingResult<PublishJob>> ExecuteAsync(PostActor actor, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs
            .SingleOrDefaultAsync(j => j.Id == jobId && db.WorkspacesWhere(actor, WorkspacePermission.Compose).Contains(j.WorkspaceId), cancellationToken);
        if (job is null)
        {
            return PublishingResult<PublishJob>.Fail(ErrorCatalog.JobNotFound, ErrorCatalog.JobNotFound.Told);
        }

        if (!JobStateMachine.CanUserCancel(job.State))
        {
            return NotCancellable(job.State);
        }

        var update = await apply.ExecuteAsync(job, new JobChange(JobState.Cancelled) { Message = $"Cancelled by {await db.ActorNameAsync(actor, job, cancellationToken)}. Nothing was posted on TikTok." }, cancellationToken);
        if (update is null)
        {
            return NotCancellable(job.State);
        }

        await release.ExecuteAsync(job, cancellationToken);
        return PublishingResult<PublishJob>.Ok(job);
    }

    private static PublishingError NotCancellable(JobState state) => new(ErrorCatalog.NotCancellable, state switch
    {
        JobState.Initializing or JobState.Processing or JobState.SentToInbox =>
            $"This post can no longer be cancelled from Midx: TikTok already has it ({JobStateMachine.Label(state)}).",
        _ => $"This post has already ended ({JobStateMachine.Label(state)}).",
    });
}
