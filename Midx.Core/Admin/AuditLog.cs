using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Appends <see cref="AuditEvent"/>s. <see cref="Add"/> stages the event on the caller's context so it is saved in the
/// same transaction as the change it describes; <see cref="WriteAsync"/> saves it on its own. Details must never hold
/// tokens, codes or secrets, and hold personal data only when the event is about that person.
/// </summary>
public sealed class AuditLog(MidxDbContext db, TimeProvider time)
{
    public AuditEvent Add(string action, Guid? actorUserId = null, Guid? subjectUserId = null, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var audit = new AuditEvent
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = action,
            ActorUserId = actorUserId,
            SubjectUserId = subjectUserId,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };
        db.AuditEvents.Add(audit);
        return audit;
    }

    public async Task<AuditEvent> WriteAsync(
        string action, Guid? actorUserId, Guid? subjectUserId, string? detail, CancellationToken cancellationToken)
    {
        var audit = Add(action, actorUserId, subjectUserId, detail);
        await db.SaveChangesAsync(cancellationToken);
        return audit;
    }
}
