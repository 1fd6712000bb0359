namespace Midx.Core.Admin;

/// <summary>The last sign of life of one background worker on one instance.</summary>
public sealed class WorkerHeartbeat
{
    public required string Id { get; set; }
    public required string Worker { get; set; }
    public required string Instance { get; set; }
    public DateTime LastBeatAt { get; set; }

    /// <summary>
    /// How long after this beat the worker said it would beat again. Each instance writes its own, from its own
    /// options, so the console judges every worker by the schedule it actually runs on.
    /// </summary>
    public TimeSpan Interval { get; set; }

    public string? Detail { get; set; }
}
