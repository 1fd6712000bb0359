using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Stages the audit line of an admin action on the caller's context, so it is saved in the same transaction as the
/// change it records. The actor is always the admin who acted.
/// </summary>
public sealed class AdminActionAudit(MidxDbContext db, TimeProvider time)
{
    public void Add(string action, Guid adminId, Guid? subjectUserId, string? detail) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = action,
            ActorUserId = adminId,
            SubjectUserId = subjectUserId,
            Detail = detail,
        });
}
