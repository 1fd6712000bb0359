using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>Gives a member another role. A workspace always keeps at least one Owner, so the last one cannot be demoted.</summary>
public sealed class ChangeMemberRoleCommand(MidxDbContext db, AuditLog audit)
{
    public const string LastOwnerRefused = "A workspace needs at least one Owner. Make someone else an Owner first.";

    public async Task<WorkspaceActionResult> ExecuteAsync(
        Guid userId, Guid workspaceId, Guid memberUserId, WorkspaceRole role, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await db.FindManagedAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return refusal!;
        }

        if (!Enum.IsDefined(role))
        {
            return WorkspaceActionResult.Refused("Choose one of the roles.");
        }

        var member = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == memberUserId, cancellationToken);
        if (member is null)
        {
            return WorkspaceActionResult.NotFound();
        }

        var name = await db.Users.Where(u => u.Id == memberUserId).Select(u => u.Name).SingleAsync(cancellationToken);
        if (member.Role == role)
        {
            return WorkspaceActionResult.Done($"{name} is already {role}.");
        }

        if (member.Role == WorkspaceRole.Owner
            && !await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner && m.UserId != memberUserId, cancellationToken))
        {
            return WorkspaceActionResult.Refused(LastOwnerRefused);
        }

        var before = member.Role;
        member.Role = role;
        audit.Add(AuditActions.WorkspaceRoleChanged, userId, memberUserId, $"workspace {workspaceId}, {before} to {role}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"{name} is now {role}.");
    }
}
