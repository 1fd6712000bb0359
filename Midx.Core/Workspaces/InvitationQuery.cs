using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>What an invitation link is, for the person who opened it signed in: see <see cref="InvitationResult"/>.</summary>
public sealed class InvitationQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<InvitationResult> ExecuteAsync(Guid userId, string? secret, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, secret, cancellationToken);
        if (found is null)
        {
            return InvitationResult.Of(InvitationOutcome.NotFound, "", null);
        }

        var (invitation, details) = found.Value;
        var outcome = await CheckAsync(db, invitation, userId, time.GetUtcNow().UtcDateTime, cancellationToken);
        return InvitationResult.Of(outcome, invitation.Email, Shown(outcome) ? details : null);
    }

    /// <summary>The invitation a link's secret stands for, by its hash, with what the page shows about it.</summary>
    internal static async Task<(WorkspaceInvitation Invitation, InvitationDetails Details)?> FindAsync(
        MidxDbContext db, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }

        var hash = InvitationSecret.Hash(secret.Trim());
        var row = await (from i in db.WorkspaceInvitations
                         join w in db.Workspaces on i.WorkspaceId equals w.Id
                         join u in db.Users on i.InvitedByUserId equals u.Id into inviters
                         from inviter in inviters.DefaultIfEmpty()
                         where i.TokenHash == hash
                         select new { Invitation = i, w.Name, InvitedBy = inviter == null ? null : inviter.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : (row.Invitation, new InvitationDetails(row.Invitation.WorkspaceId, row.Name, row.InvitedBy, row.Invitation.Role, row.Invitation.ExpiresAt));
    }

    /// <summary>Whether <paramref name="userId"/> may accept <paramref name="invitation"/> now (<see cref="InvitationOutcome.Open"/>), or why not.</summary>
    internal static async Task<InvitationOutcome> CheckAsync(
        MidxDbContext db, WorkspaceInvitation invitation, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        if (invitation.AcceptedAt is not null)
        {
            return InvitationOutcome.AlreadyUsed;
        }

        if (invitation.RevokedAt is not null)
        {
            return InvitationOutcome.Revoked;
        }

        if (invitation.ExpiresAt <= now)
        {
            return InvitationOutcome.Expired;
        }

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null || !string.Equals(email.Trim(), invitation.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return InvitationOutcome.WrongAccount;
        }

        return await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.UserId == userId, cancellationToken)
            ? InvitationOutcome.AlreadyMember
            : InvitationOutcome.Open;
    }

    /// <summary>The workspace, inviter and role are shown only to the invited person: never to another account holding the link.</summary>
    internal static bool Shown(InvitationOutcome outcome) =>
        outcome is InvitationOutcome.Open or InvitationOutcome.Accepted or InvitationOutcome.AlreadyMember;
}
