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

    /// <summary>
    /// The workspaces where a member or an API key may act, with its role there: a member's from their memberships, a key's
    /// in its own workspace (<see cref="WorkspaceRoles.ApiKeyRole"/>) while it is not revoked.
    /// </summary>
    public static IQueryable<ActorMembership> MembershipsOf(this MidxDbContext db, PostActor actor) => actor.ApiKeyId is { } keyId
        ? db.ApiKeys.Where(k => k.Id == keyId && k.RevokedAt == null)
            .Select(k => new ActorMembership { WorkspaceId = k.WorkspaceId, Role = WorkspaceRoles.ApiKeyRole })
        : db.WorkspaceMembers.Where(m => m.UserId == actor.UserId)
            .Select(m => new ActorMembership { WorkspaceId = m.WorkspaceId, Role = m.Role });

    /// <summary>The workspaces where a member or an API key may do <paramref name="permission"/>.</summary>
    public static IQueryable<Guid> WorkspacesWhere(this MidxDbContext db, PostActor actor, WorkspacePermission permission)
    {
        var roles = WorkspaceRoles.RolesAllowing(permission);
        return db.MembershipsOf(actor).Where(m => roles.Contains(m.Role)).Select(m => m.WorkspaceId);
    }

    /// <summary>The workspace <paramref name="workspaceId"/>, only where this person may do <paramref name="permission"/>.</summary>
    public static IQueryable<Workspace> WorkspaceWhere(this MidxDbContext db, Guid userId, Guid workspaceId, WorkspacePermission permission) =>
        db.Workspaces.Where(w => w.Id == workspaceId && db.WorkspacesWhere(userId, permission).Contains(w.Id));

    /// <summary>Which of <paramref name="userIds"/> may do <paramref name="permission"/> in <paramref name="workspaceId"/>.</summary>
    public static IQueryable<Guid> MembersWhere(this MidxDbContext db, Guid workspaceId, IReadOnlyCollection<Guid> userIds, WorkspacePermission permission)
    {
        var roles = WorkspaceRoles.RolesAllowing(permission);
        return db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && userIds.Contains(m.UserId) && roles.Contains(m.Role)).Select(m => m.UserId);
    }

    /// <summary>The workspaces that have no member but this person (their personal one, and shared ones nobody joined): they go with them.</summary>
    public static IQueryable<Guid> WorkspacesOnlyOf(this MidxDbContext db, Guid userId) =>
        db.WorkspaceMembers.Where(m => m.UserId == userId)
            .Select(m => m.WorkspaceId)
            .Where(w => !db.WorkspaceMembers.Any(other => other.WorkspaceId == w && other.UserId != userId));

    /// <summary>The shared workspaces where this person is the only Owner and others are members: they must pass ownership before they leave.</summary>
    public static IQueryable<Workspace> LastOwnedWithOthers(this MidxDbContext db, Guid userId) =>
        db.Workspaces.Where(w => !w.IsPersonal
            && db.WorkspaceMembers.Any(m => m.WorkspaceId == w.Id && m.UserId == userId && m.Role == WorkspaceRole.Owner)
            && !db.WorkspaceMembers.Any(m => m.WorkspaceId == w.Id && m.UserId != userId && m.Role == WorkspaceRole.Owner)
            && db.WorkspaceMembers.Any(m => m.WorkspaceId == w.Id && m.UserId != userId));
}
