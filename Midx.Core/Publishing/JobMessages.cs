namespace Midx.Core.Publishing;

/// <summary>The history lines a post's waiting states begin with, the same whichever command put it there.</summary>
public static class JobMessages
{
    public const string WaitingToStart = "Waiting to start: Midx will send it to TikTok in a moment.";

    public const string AwaitingReview = "Waiting for review: a Publisher or an Owner of this workspace approves it before it goes to TikTok.";

    public static string ScheduledFor(DateTime atUtc) => $"Scheduled for {atUtc:yyyy-MM-dd HH:mm} UTC.";

    /// <summary>What a post that just entered <paramref name="job"/>'s state waits for.</summary>
    public static string WaitingFor(PublishJob job) => WaitingFor(job.State, job.ScheduledAt);

    /// <summary>What a post entering <paramref name="state"/>, due at <paramref name="scheduledAt"/> (null for now), waits for.</summary>
    public static string WaitingFor(JobState state, DateTime? scheduledAt) => state switch
    {
        JobState.AwaitingReview => AwaitingReview,
        JobState.Scheduled when scheduledAt is { } at => ScheduledFor(at),
        _ => WaitingToStart,
    };
}
