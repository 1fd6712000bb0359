namespace Midx.Core.Admin;

/// <summary>An append-only record of who did what. Only the retention sweeper deletes these.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public Guid? ActorUserId { get; set; }
    public Guid? SubjectUserId { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
}
