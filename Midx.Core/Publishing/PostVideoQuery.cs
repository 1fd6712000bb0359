using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// The stored video of a post, for a member of its workspace, while Midx still keeps it: what a reviewer and an editor
/// preview. Null for anyone outside the workspace, a post sent from a link, and a video no longer kept.
/// </summary>
public sealed class PostVideoQuery(MidxDbContext db, MediaStore media)
{
    public async Task<StoredMedia?> ExecuteAsync(Guid userId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.Id == jobId && db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(j.WorkspaceId), cancellationToken);
        return job is null ? null : await media.FindForJobAsync(job, cancellationToken);
    }
}
