using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// Disables or re-enables a user. A disabled user's sessions end at once (the security stamp changes), they cannot
/// sign in, and the worker holds their scheduled jobs until they are enabled again. An admin cannot disable themselves.
/// The admin's reason is kept in the audit event with the held uploads; without one nothing changes.
/// </summary>
public sealed class SetUserDisabledCommand(MidxDbContext db, AuditLog audit)
{
    /// <summary>Why an admin cannot disable themselves; the user page says it beside the disabled button.</summary>
    public const string SelfRefused = "You cannot disable your own account. Ask another admin to do it.";

    public async Task<AdminActionResult> ExecuteAsync(Guid adminId, Guid userId, bool disable, string? reason, CancellationToken cancellationToken)
    {
        if (AdminActionReason.Clean(reason) is not { } why)
        {
            return AdminActionResult.Refused(AdminActionReason.Missing);
        }

        if (disable && adminId == userId)
        {
            return AdminActionResult.Refused(SelfRefused);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AdminActionResult.NotFound("There is no such user.");
        }

        if (user.IsDisabled == disable)
        {
            return AdminActionResult.Unchanged(disable ? $"{user.Email} is already disabled." : $"{user.Email} is not disabled.");
        }

        var waiting = await db.PublishJobs.CountAsync(
            j => j.UserId == userId && (j.State == JobState.Scheduled || j.State == JobState.Queued), cancellationToken);
        user.IsDisabled = disable;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Add(disable ? AdminAuditActions.DisabledUser : AdminAuditActions.EnabledUser, adminId, userId,
            waiting > 0 ? $"{why}; {waiting} scheduled or queued upload(s) {(disable ? "held" : "released")}" : why);
        await db.SaveChangesAsync(cancellationToken);
        return AdminActionResult.Done(disable
            ? $"{user.Email} is disabled: signed out, unable to sign in, and {waiting} waiting upload(s) held."
            : $"{user.Email} can sign in again; {waiting} waiting upload(s) will run when due.");
    }
}
