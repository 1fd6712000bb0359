using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>
/// A workspace's page as one of its members sees it: the workspace, its members, and, for those who may manage members,
/// its pending invitations. Null for anyone else, exactly as for a workspace that does not exist.
/// </summary>
public sealed class WorkspaceMembersQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<WorkspaceMembersView?> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken)
    {
        var workspace = await (from m in db.WorkspaceMembers.AsNoTracking()
                               join w in db.Workspaces.AsNoTracking() on m.WorkspaceId equals w.Id
                               where m.UserId == userId && w.Id == workspaceId
                               select new WorkspaceMembership(w.Id, w.Name, w.IsPersonal, w.InboxDraftsOnly, m.Role, w.RequiresReview))
            .SingleOrDefaultAsync(cancellationToken);
        if (workspace is null)
        {
            return null;
        }

        var members = await (from m in db.WorkspaceMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.WorkspaceId == workspaceId
                             select new WorkspaceMemberRow(u.Id, u.Name, u.Email, u.AvatarUrl, m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);

        var invitations = new List<PendingInvitationRow>();
        if (workspace.Can(WorkspacePermission.ManageMembers))
        {
            var now = time.GetUtcNow().UtcDateTime;
            invitations = await (from i in db.WorkspaceInvitations.AsNoTracking()
                                 where i.WorkspaceId == workspaceId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                                 join u in db.Users.AsNoTracking() on i.InvitedByUserId equals u.Id into inviters
                                 from inviter in inviters.DefaultIfEmpty()
                                 orderby i.CreatedAt, i.Email
                                 select new PendingInvitationRow(i.Id, i.Email, i.Role, inviter == null ? null : inviter.Name, i.CreatedAt, i.ExpiresAt))
                .ToListAsync(cancellationToken);
        }

        return new WorkspaceMembersView(
            workspace,
            members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.UserId).ToList(),
            invitations);
    }
}

/// <summary>The workspace (with the reader's own role), its members, and its pending invitations when the reader may manage members.</summary>
public sealed record WorkspaceMembersView(
    WorkspaceMembership Workspace, IReadOnlyList<WorkspaceMemberRow> Members, IReadOnlyList<PendingInvitationRow> Invitations)
{
    public int Owners => Members.Count(m => m.Role == WorkspaceRole.Owner);
}

public sealed record WorkspaceMemberRow(Guid UserId, string Name, string Email, string? AvatarUrl, WorkspaceRole Role, DateTime JoinedAt);

public sealed record PendingInvitationRow(Guid Id, string Email, WorkspaceRole Role, string? InvitedBy, DateTime CreatedAt, DateTime ExpiresAt);
