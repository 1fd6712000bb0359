using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A post as a member (or an API key) who may compose in its workspace finds it to change it (edit, retry): with the
/// workspace's posting boundary and review rule and the actor's role there. Found only for such an actor, so anyone else's
/// lookup is a 404.
/// </summary>
internal sealed class ComposerJob
{
    public required PublishJob Job { get; init; }
    public required bool InboxDraftsOnly { get; init; }
    public required bool RequiresReview { get; init; }
    public required WorkspaceRole Role { get; init; }

    /// <summary>What this member composes here waits for approval (<see cref="WorkspaceRoles.PostsNeedApproval"/>).</summary>
    public bool PostsNeedApproval => WorkspaceRoles.PostsNeedApproval(RequiresReview, Role);

    public static IQueryable<ComposerJob> Find(MidxDbContext db, PostActor actor, Guid jobId)
    {
        var composers = WorkspaceRoles.RolesAllowing(WorkspacePermission.Compose);
        return from j in db.PublishJobs
               join w in db.Workspaces on j.WorkspaceId equals w.Id
               join m in db.MembershipsOf(actor) on w.Id equals m.WorkspaceId
               where j.Id == jobId && composers.Contains(m.Role)
               select new ComposerJob { Job = j, InboxDraftsOnly = w.InboxDraftsOnly, RequiresReview = w.RequiresReview, Role = m.Role };
    }
}
