using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>The first step of every command that manages a workspace: the workspace, loaded only where the person may.</summary>
internal static class WorkspaceManagement
{
    /// <summary>
    /// The workspace if <paramref name="userId"/> may manage its members; otherwise why not: not allowed for a member
    /// whose role does not allow it, not found for everyone else (the two cases a stranger must not tell apart).
    /// </summary>
    public static Task<(Workspace? Workspace, WorkspaceActionResult? Refusal)> FindManagedAsync(
        this MidxDbContext db, Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        db.FindWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageMembers, WorkspaceActionResult.NotAllowed(), cancellationToken);

    /// <summary>
    /// The workspace if <paramref name="userId"/> may do <paramref name="permission"/> there; otherwise
    /// <paramref name="notAllowed"/> for a member whose role does not allow it, and not found for everyone else.
    /// </summary>
    public static async Task<(Workspace? Workspace, WorkspaceActionResult? Refusal)> FindWhereAllowedAsync(
        this MidxDbContext db, Guid userId, Guid workspaceId, WorkspacePermission permission, WorkspaceActionResult notAllowed,
        CancellationToken cancellationToken)
    {
        var workspace = await db.WorkspaceWhere(userId, workspaceId, permission).SingleOrDefaultAsync(cancellationToken);
        if (workspace is not null)
        {
            return (workspace, null);
        }

        var member = await db.WorkspacesWhere(userId, WorkspacePermission.View).ContainsAsync(workspaceId, cancellationToken);
        return (null, member ? notAllowed : WorkspaceActionResult.NotFound());
    }

    /// <summary>
    /// One item of the workspace (<paramref name="item"/>, already narrowed to its id and the workspace) if
    /// <paramref name="userId"/> may do <paramref name="permission"/> there, tracked for a change; otherwise the refusal of
    /// <see cref="FindWhereAllowedAsync"/>, or <paramref name="missing"/> when the workspace has no such item.
    /// </summary>
    public static async Task<(T? Item, WorkspaceActionResult? Refusal)> FindItemWhereAllowedAsync<T>(
        this MidxDbContext db, Guid userId, Guid workspaceId, WorkspacePermission permission, WorkspaceActionResult notAllowed,
        IQueryable<T> item, string missing, CancellationToken cancellationToken) where T : class
    {
        var (workspace, refusal) = await db.FindWhereAllowedAsync(userId, workspaceId, permission, notAllowed, cancellationToken);
        if (workspace is null)
        {
            return (null, refusal);
        }

        var found = await item.SingleOrDefaultAsync(cancellationToken);
        return found is null ? (null, WorkspaceActionResult.Refused(missing)) : (found, null);
    }
}
