using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>
/// Takes a member out of a shared workspace: an Owner removing someone, or a member leaving. The last Owner can do
/// neither. A removed person's security stamp changes, so their sessions and open pages end (within 30 seconds on a
/// circuit) instead of showing the workspace until they next reload; someone who leaves stays signed in.
/// </summary>
public sealed class RemoveMemberCommand(MidxDbContext db, AuditLog audit)
{
    public const string LastOwnerRefused = "A workspace needs at least one Owner. Make someone else an Owner before the last one goes.";

    public const string PersonalRefused = "Nobody can leave or be removed from a personal workspace.";

    public async Task<WorkspaceActionResult> ExecuteAsync(Guid userId, Guid workspaceId, Guid memberUserId, CancellationToken cancellationToken)
    {
        var leaving = userId == memberUserId;
        Workspace? workspace;
        if (leaving)
        {
            workspace = await db.WorkspaceWhere(userId, workspaceId, WorkspacePermission.View).SingleOrDefaultAsync(cancellationToken);
            if (workspace is null)
            {
                return WorkspaceActionResult.NotFound();
            }
        }
        else
        {
            (workspace, var refusal) = await db.FindManagedAsync(userId, workspaceId, cancellationToken);
            if (workspace is null)
            {
                return refusal!;
            }
        }

        if (workspace.IsPersonal)
        {
            return WorkspaceActionResult.Refused(PersonalRefused);
        }

        var member = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == memberUserId, cancellationToken);
        if (member is null)
        {
            return WorkspaceActionResult.NotFound();
        }

        if (member.Role == WorkspaceRole.Owner
            && !await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner && m.UserId != memberUserId, cancellationToken))
        {
            return WorkspaceActionResult.Refused(LastOwnerRefused);
        }

        var user = await db.Users.SingleAsync(u => u.Id == memberUserId, cancellationToken);
        db.WorkspaceMembers.Remove(member);
        if (leaving)
        {
            audit.Add(AuditActions.WorkspaceMemberLeft, userId, userId, $"workspace {workspaceId}, was {member.Role}");
        }
        else
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            audit.Add(AuditActions.WorkspaceMemberRemoved, userId, memberUserId, $"workspace {workspaceId}, was {member.Role}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done(leaving
            ? $"You left {workspace.Name}."
            : $"{user.Name} is no longer a member of {workspace.Name} and is signed out of Midx.");
    }
}
