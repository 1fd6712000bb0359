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

public sealed record AuditListResult(IReadOnlyList<AuditRow> Rows, KeysetCursor? Next);
