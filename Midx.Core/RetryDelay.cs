namespace Midx.Core;

/// <summary>Exponential backoff: the first delay, doubled after every further failure in a row, never above a ceiling.</summary>
public static class RetryDelay
{
    public static TimeSpan Doubling(TimeSpan first, int failures, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var factor = 1L << Math.Min(failures - 1, 40);
        return first.Ticks > max.Ticks / factor ? max : TimeSpan.FromTicks(first.Ticks * factor);
    }
}
