using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>The first step of every members command: the workspace, loaded only where the person may manage members.</summary>
internal static class WorkspaceManagement
{
    /// <summary>
    /// The workspace if <paramref name="userId"/> may manage its members; otherwise why not: not allowed for a member
    /// whose role does not allow it, not found for everyone else (the two cases a stranger must not tell apart).
    /// </summary>
    public static async Task<(Workspace? Workspace, WorkspaceActionResult? Refusal)> FindManagedAsync(
        this MidxDbContext db, Guid userId, Guid workspaceId, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces
            .Where(w => w.Id == workspaceId && db.WorkspacesWhere(userId, WorkspacePermission.ManageMembers).Contains(w.Id))
            .SingleOrDefaultAsync(cancellationToken);
        if (workspace is not null)
        {
            return (workspace, null);
        }

        var member = await db.WorkspacesWhere(userId, WorkspacePermission.View).ContainsAsync(workspaceId, cancellationToken);
        return (null, member ? WorkspaceActionResult.NotAllowed() : WorkspaceActionResult.NotFound());
    }
}
