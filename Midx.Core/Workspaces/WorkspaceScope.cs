using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>
/// Membership written into a query: the workspaces where a person may do something. Every query and command that
/// reads or changes a workspace's accounts or posts filters through this, so nothing is loaded first and checked after.
/// </summary>
public static class WorkspaceScope
{
    public static IQueryable<Guid> WorkspacesWhere(this MidxDbContext db, Guid userId, WorkspacePermission permission)
    {
        var roles = WorkspaceRoles.RolesAllowing(permission);
        return db.WorkspaceMembers.Where(m => m.UserId == userId && roles.Contains(m.Role)).Select(m => m.WorkspaceId);
    }
}
