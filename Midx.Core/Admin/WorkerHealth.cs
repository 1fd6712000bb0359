namespace Midx.Core.Admin;

/// <summary>How the background workers and the queue are doing.</summary>
public sealed record WorkerHealth(
    IReadOnlyList<WorkerStatus> Workers,
    int QueueDepth,
    int ScheduledLater,
    TimeSpan? OldestDueLag);

/// <summary>
/// One worker on one instance, judged against its own schedule: an hourly sweep silent for ten minutes is fine,
/// a publish worker silent for ten minutes is not.
/// </summary>
public sealed record WorkerStatus(string Worker, string Instance, DateTime LastBeatAt, TimeSpan Interval, string? Detail, TimeSpan Silence)
{
    /// <summary>Room for the run itself, timer slack and clocks that differ a little between instances.</summary>
    public static readonly TimeSpan LateGrace = TimeSpan.FromMinutes(1);

    /// <summary>Down once its next beat is this many of its intervals overdue (three beats missed in a row)...</summary>
    public const int DownAfterIntervalsOverdue = 2;

    /// <summary>...and at least this long overdue, so a worker that beats every few seconds is not down after one slow pass.</summary>
    public static readonly TimeSpan DownGraceMinimum = TimeSpan.FromMinutes(5);

    /// <summary>When the worker said it would beat next.</summary>
    public DateTime NextBeatDueAt => LastBeatAt + Interval;

    public WorkerState State
    {
        get
        {
            var overdue = Silence - Interval;
            var downGrace = TimeSpan.FromTicks(Math.Max(Interval.Ticks * DownAfterIntervalsOverdue, DownGraceMinimum.Ticks));
            return overdue > downGrace ? WorkerState.Down : overdue > LateGrace ? WorkerState.Late : WorkerState.Healthy;
        }
    }
}

public enum WorkerState
{
    Healthy,
    Late,
    Down,
}
