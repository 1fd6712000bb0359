using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>The headline numbers of the console's overview.</summary>
public sealed record OverviewCounters(
    int Users,
    int Admins,
    int DisabledUsers,
    int LinkedAccounts,
    IReadOnlyList<StateCount> JobsByStateLastDay,
    int FailuresLastHour,
    int FailuresLastDay)
{
    public int JobsLastDay => JobsByStateLastDay.Sum(s => s.Count);
}

public sealed record StateCount(JobState State, int Count);
