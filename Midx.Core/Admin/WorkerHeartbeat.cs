namespace Midx.Core.Admin;

/// <summary>The last sign of life of one background worker on one instance.</summary>
public sealed class WorkerHeartbeat
{
    public required string Id { get; set; }
    public required string Worker { get; set; }
    public required string Instance { get; set; }
    public DateTime LastBeatAt { get; set; }
    public string? Detail { get; set; }
}
