namespace Midx.Core.Publishing;

/// <summary>
/// When to check TikTok's status next: quickly at first (small videos are done in seconds), then less often,
/// never less often than <see cref="PublishingOptions.MaxStatusPollInterval"/> while processing is young, and only every
/// <see cref="PublishingOptions.SlowPollInterval"/> once it has taken longer than
/// <see cref="PublishingOptions.ProcessingWarningAfter"/> ("unconfirmed", reconciled later).
/// </summary>
public static class StatusPollSchedule
{
    public static TimeSpan NextDelay(TimeSpan processingFor, PublishingOptions options)
    {
        if (processingFor >= options.ProcessingWarningAfter)
        {
            return options.SlowPollInterval;
        }

        // A third of the time spent so far: 3 s at first, 10 s after half a minute, 15 s after 45 s (the defaults).
        var proportional = TimeSpan.FromTicks(processingFor.Ticks / 3);
        return proportional < options.FirstStatusPollDelay
            ? options.FirstStatusPollDelay
            : proportional > options.MaxStatusPollInterval ? options.MaxStatusPollInterval : proportional;
    }
}
