using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>
/// Accepts an invitation for the signed-in person: it must be pending and for their Google account's email. The
/// invitation is claimed with a conditional update, so a link used twice at once still adds one member.
/// </summary>
public sealed class AcceptInvitationCommand(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<InvitationResult> ExecuteAsync(Guid userId, string? secret, CancellationToken cancellationToken)
    {
        var found = await InvitationQuery.FindAsync(db, secret, cancellationToken);
        if (found is null)
        {
            return InvitationResult.Of(InvitationOutcome.NotFound, "", null);
        }

        var (invitation, details) = found.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = await InvitationQuery.CheckAsync(db, invitation, userId, now, cancellationToken);
        if (outcome != InvitationOutcome.Open)
        {
            return InvitationResult.Of(outcome, invitation.Email, InvitationQuery.Shown(outcome) ? details : null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.WorkspaceInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return InvitationResult.Of(InvitationOutcome.AlreadyUsed, invitation.Email, null);
        }

        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = invitation.WorkspaceId, UserId = userId, Role = invitation.Role, JoinedAt = now });
        audit.Add(AuditActions.WorkspaceInvitationAccepted, userId, userId,
            $"workspace {invitation.WorkspaceId}, invitation {invitation.Id}, role {invitation.Role}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InvitationResult.Of(InvitationOutcome.Accepted, invitation.Email, details);
    }
}
