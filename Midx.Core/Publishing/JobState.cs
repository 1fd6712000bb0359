namespace Midx.Core.Publishing;

public enum JobState
{
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
