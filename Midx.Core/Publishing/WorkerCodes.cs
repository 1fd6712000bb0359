namespace Midx.Core.Publishing;

/// <summary>
/// Midx's own codes for what the publish worker found before or besides TikTok (TikTok's own codes and fail_reasons
/// are stored as TikTok sent them). Stable: tests, the admin console and the history pages key on them.
/// </summary>
public static class WorkerCodes
{
    /// <summary>The init call was made but no answer was saved: TikTok may or may not have the post.</summary>
    public const string InitOutcomeUnknown = "init_outcome_unknown";

    /// <summary>The video file was gone (or changed size) before all of it reached TikTok.</summary>
    public const string MediaMissing = "media_missing";

    /// <summary>
    /// The upload_url expired (403) before the last chunk: TikTok gives one hour from init
    /// (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post).
    /// </summary>
    public const string UploadExpired = "upload_expired";

    /// <summary>The upload host no longer knows the upload_url (404).</summary>
    public const string UploadNotFound = "upload_not_found";

    /// <summary>The upload host refused a chunk's headers or length (400) or answered something undocumented.</summary>
    public const string UploadRejected = "upload_rejected";

    /// <summary>The upload host failed the same chunk on every attempt.</summary>
    public const string UploadServerError = "upload_server_error";

    /// <summary>TikTok's upload progress could not be matched to Midx's chunk plan.</summary>
    public const string UploadOutOfSync = "upload_out_of_sync";

    /// <summary>Held: the TikTok account must be reconnected before the job can go on.</summary>
    public const string HeldAccountNeedsReconnect = "held_account_needs_reconnect";

    /// <summary>Held: the Midx user is disabled.</summary>
    public const string HeldUserDisabled = "held_user_disabled";

    /// <summary>A history note: TikTok is still processing after <see cref="PublishingOptions.ProcessingWarningAfter"/>.</summary>
    public const string StillProcessing = "still_processing";

    /// <summary>A history note: Midx stopped checking an inbox draft after <see cref="PublishingOptions.InboxWatchDuration"/>.</summary>
    public const string InboxWatchEnded = "inbox_watch_ended";

    /// <summary>A history note: TikTok named the public post's id after its moderation finished.</summary>
    public const string PostIdArrived = "post_id_arrived";

    /// <summary>
    /// The creator disconnected the post's TikTok account before Midx was done with it: a post not yet sent was
    /// cancelled, or Midx stopped following one TikTok already had. Kept on the job with the plain message.
    /// </summary>
    public const string AccountDisconnected = "account_disconnected";

    private static readonly HashSet<string> All =
    [
        InitOutcomeUnknown, MediaMissing, UploadExpired, UploadNotFound, UploadRejected, UploadServerError, UploadOutOfSync,
        HeldAccountNeedsReconnect, HeldUserDisabled, StillProcessing, InboxWatchEnded, PostIdArrived, AccountDisconnected,
    ];

    public static bool IsHold(string? code) => code is HeldAccountNeedsReconnect or HeldUserDisabled;

    public static bool IsMidxCode(string code) => All.Contains(code);

    /// <summary>Who a code is from, "Midx" or "TikTok", so the pages never pass Midx's own codes off as TikTok's.</summary>
    public static string Source(string code) => IsMidxCode(code) ? "Midx" : "TikTok";

    /// <summary>What a creator is told whenever Midx cannot know whether TikTok received an init.</summary>
    public const string CannotTellMessage =
        "Midx can't tell whether TikTok received the request; check your TikTok profile/inbox before retrying.";
}
