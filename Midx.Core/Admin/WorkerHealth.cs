namespace Midx.Core.Admin;

/// <summary>How the background workers and the queue are doing.</summary>
public sealed record WorkerHealth(
    IReadOnlyList<WorkerStatus> Workers,
    int QueueDepth,
    int ScheduledLater,
    DateTime? OldestDueAt,
    TimeSpan? OldestDueLag);

/// <summary>One worker on one instance and how long ago it last reported.</summary>
public sealed record WorkerStatus(string Worker, string Instance, DateTime LastBeatAt, string? Detail, TimeSpan Silence)
{
    /// <summary>Workers beat at least every 30 seconds; two minutes of silence means one is stuck or gone.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan DownAfter = TimeSpan.FromMinutes(10);

    public WorkerState State => Silence >= DownAfter ? WorkerState.Down : Silence >= LateAfter ? WorkerState.Late : WorkerState.Healthy;
}

public enum WorkerState
{
    Healthy,
    Late,
    Down,
}
