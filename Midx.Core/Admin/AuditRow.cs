namespace Midx.Core.Admin;

/// <summary>One audit event with the emails of its actor and subject, when those users still exist.</summary>
public sealed record AuditRow(
    Guid Id,
    DateTime At,
    string Action,
    Guid? ActorUserId,
    string? ActorEmail,
    Guid? SubjectUserId,
    string? SubjectEmail,
    string? Detail);

/// <summary>
/// One page of the audit log, the cursor past its last row when there are more, and the email of the user whose trail
/// it is when the log is filtered by <see cref="AuditFilter.UserId"/> (null when that user was deleted).
/// </summary>
public sealed record AuditListResult(IReadOnlyList<AuditRow> Rows, KeysetCursor? Next, string? TrailOf = null);
