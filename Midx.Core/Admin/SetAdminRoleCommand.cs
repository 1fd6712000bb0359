using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Grants or revokes the admin role. The user's security stamp changes with it, so their current session ends and the
/// next one carries the new role. An admin cannot revoke their own role (the console must never be left without one),
/// and an admin named in <c>Midx:Admins</c> gets the role back at every sign-in, so revoking it here is refused. The
/// admin's reason is kept in the audit event; without one nothing changes.
/// </summary>
public sealed class SetAdminRoleCommand(MidxDbContext db, AuditLog audit, IOptions<MidxOptions> midx)
{
    /// <summary>Why an admin cannot revoke their own role; the user page says it beside the disabled button.</summary>
    public const string OwnRoleRefused = "You cannot remove your own admin role. Ask another admin to do it.";

    public async Task<AdminActionResult> ExecuteAsync(Guid adminId, Guid userId, bool makeAdmin, string? reason, CancellationToken cancellationToken)
    {
        if (AdminActionReason.Clean(reason) is not { } why)
        {
            return AdminActionResult.Refused(AdminActionReason.Missing);
        }

        if (!makeAdmin && adminId == userId)
        {
            return AdminActionResult.Refused(OwnRoleRefused);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AdminActionResult.NotFound("There is no such user.");
        }

        if (user.IsAdmin == makeAdmin)
        {
            return AdminActionResult.Unchanged(makeAdmin ? $"{user.Email} is already an admin." : $"{user.Email} is not an admin.");
        }

        if (!makeAdmin && midx.Value.Admins.Any(a => string.Equals(a.Trim(), user.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return AdminActionResult.Refused(
                $"{user.Email} is an admin by configuration (Midx:Admins) and would be an admin again at the next sign-in. Remove them there.");
        }

        user.IsAdmin = makeAdmin;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Add(makeAdmin ? AdminAuditActions.GrantedAdmin : AdminAuditActions.RevokedAdmin, actorUserId: adminId, subjectUserId: userId, detail: why);
        await db.SaveChangesAsync(cancellationToken);
        return AdminActionResult.Done(makeAdmin
            ? $"{user.Email} is now an admin. They are signed out and get the role when they sign in again."
            : $"{user.Email} is no longer an admin. Their session has ended.");
    }
}
