using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A post the person may edit now, for the compose page's edit mode: in a workspace where they may compose, and not yet
/// started (<see cref="JobStateMachine.CanUserEdit"/>). Null otherwise, a stranger's post included; the page then says it
/// cannot be edited, and <see cref="EditPublishJobCommand"/> checks it all again.
/// </summary>
public sealed class PostToEditQuery(MidxDbContext db)
{
    public async Task<PublishJob?> ExecuteAsync(Guid userId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.Id == jobId && db.WorkspacesWhere(userId, WorkspacePermission.Compose).Contains(j.WorkspaceId), cancellationToken);
        return job is not null && JobStateMachine.CanUserEdit(job.State) ? job.WithoutWorkerSecrets() : null;
    }
}
