using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>
/// Invites an email address into a shared workspace with a role. Midx sends no email: the result carries the link's
/// secret, once, for the inviter to pass on; only its hash is stored, and neither it nor the hash is logged or audited.
/// </summary>
public sealed class InviteMemberCommand(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MaxEmailLength = 320;

    public const string EmailInvalid = "Enter the email address of the Google account to invite, like name@example.com.";

    public const string PersonalRefused = "A personal workspace is yours alone. Create a shared workspace to work with others.";

    public async Task<InviteMemberResult> ExecuteAsync(
        Guid userId, Guid workspaceId, string? email, WorkspaceRole role, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await db.FindManagedAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return new InviteMemberResult(refusal!, null);
        }

        if (workspace.IsPersonal)
        {
            return Refused(PersonalRefused);
        }

        if (Normalize(email) is not { } address)
        {
            return Refused(EmailInvalid);
        }

        if (!Enum.IsDefined(role))
        {
            return Refused("Choose a role for the person you invite.");
        }

        var isMember = await (from m in db.WorkspaceMembers
                              join u in db.Users on m.UserId equals u.Id
                              where m.WorkspaceId == workspaceId && u.Email.ToLower() == address
                              select m).AnyAsync(cancellationToken);
        if (isMember)
        {
            return Refused($"{address} is already a member of {workspace.Name}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var invited = await db.WorkspaceInvitations.AnyAsync(
            i => i.WorkspaceId == workspaceId && i.Email == address && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now,
            cancellationToken);
        if (invited)
        {
            return Refused($"{address} already has a pending invitation. Revoke it first to send a new link.");
        }

        var secret = InvitationSecret.New();
        var invitation = new WorkspaceInvitation
        {
            WorkspaceId = workspaceId,
            Email = address,
            Role = role,
            TokenHash = InvitationSecret.Hash(secret),
            InvitedByUserId = userId,
            CreatedAt = now,
            ExpiresAt = now + WorkspaceInvitation.Lifetime,
        };
        db.WorkspaceInvitations.Add(invitation);
        audit.Add(AuditActions.WorkspaceMemberInvited, userId, detail: $"workspace {workspaceId}, invitation {invitation.Id}, role {role}");
        await db.SaveChangesAsync(cancellationToken);
        return new InviteMemberResult(
            WorkspaceActionResult.Done($"{address} is invited as {role}."),
            new InvitationLink(invitation.Id, address, role, secret, invitation.ExpiresAt));
    }

    /// <summary>The address as invitations store and compare it (trimmed, lower case), or null when it is not one.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        return trimmed is { Length: > 0 and <= MaxEmailLength }
               && MailAddress.TryCreate(trimmed, out var parsed)
               && parsed.Address == trimmed
               && parsed.Host.Contains('.')
            ? trimmed
            : null;
    }

    private static InviteMemberResult Refused(string message) => new(WorkspaceActionResult.Refused(message), null);
}

/// <summary>What became of an invitation, and when it was made, the link to pass on.</summary>
public sealed record InviteMemberResult(WorkspaceActionResult Result, InvitationLink? Link);

/// <summary>
/// A new invitation's secret, handed out once for the inviter to copy into a link (<c>/invitations/{secret}</c>).
/// Its text form leaves the secret out, so printing one never leaks it.
/// </summary>
public sealed record InvitationLink(Guid InvitationId, string Email, WorkspaceRole Role, string Secret, DateTime ExpiresAt)
{
    public override string ToString() => $"Invitation {InvitationId} for {Email} as {Role}, until {ExpiresAt:O}";
}
