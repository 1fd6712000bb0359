using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>Revokes a pending invitation: its link stops working at once.</summary>
public sealed class RevokeInvitationCommand(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<WorkspaceActionResult> ExecuteAsync(Guid userId, Guid workspaceId, Guid invitationId, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await db.FindManagedAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return refusal!;
        }

        var invitation = await db.WorkspaceInvitations
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.WorkspaceId == workspaceId, cancellationToken);
        if (invitation is null)
        {
            return WorkspaceActionResult.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!invitation.IsPending(now))
        {
            return WorkspaceActionResult.Refused(
                invitation.AcceptedAt is not null ? $"The invitation for {invitation.Email} was already accepted."
                : invitation.RevokedAt is not null ? $"The invitation for {invitation.Email} was already revoked."
                : $"The invitation for {invitation.Email} has already expired.");
        }

        invitation.RevokedAt = now;
        audit.Add(AuditActions.WorkspaceInvitationRevoked, userId, detail: $"workspace {workspaceId}, invitation {invitation.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"The invitation for {invitation.Email} is revoked; its link no longer works.");
    }
}
