namespace Midx.Core.Publishing;

public enum JobState
{
    /// <summary>Composed where posts need approval, by a member who may not approve: waits for a Publisher or Owner.</summary>
    AwaitingReview,

    /// <summary>A reviewer sent it back with a comment: waits for its composer (or another member) to edit it.</summary>
    ChangesRequested,

    Scheduled,
    Queued,
    Initializing,
    Uploading,
    Processing,
    SentToInbox,
    Published,
    Failed,
    Cancelled,
}
