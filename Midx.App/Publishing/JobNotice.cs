namespace Midx.App.Publishing;

/// <summary>What the job page says after a redirect to it (post/redirect/get), named in its query string.</summary>
public enum JobNotice
{
    None,
    Submitted,
    Cancelled,
    Retried,
    NotCancellable,
    NotRetryable,
    VideoMissing,
    AccountNeedsReconnect,
    AccountNotFound,
    AccountDisconnected,
    FormExpired,
    Edited,
    Approved,
    SentBack,
}
