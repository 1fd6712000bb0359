using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>
/// Maps TikTok's post status (<c>status/fetch</c>,
/// https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status) and <c>fail_reason</c> to a job
/// state and a plain-language message; a failure's words are the <see cref="ErrorCatalog"/>'s. Only PUBLISH_COMPLETE
/// counts as posted: TikTok can still fail a video after the upload, so any earlier status is no proof. For an inbox
/// draft SEND_TO_USER_INBOX is Midx's success, since the rest is up to the creator in the TikTok app.
/// </summary>
public static class TikTokStatusMapping
{
    public const string ProcessingUpload = "PROCESSING_UPLOAD";
    public const string ProcessingDownload = "PROCESSING_DOWNLOAD";
    public const string SendToUserInbox = "SEND_TO_USER_INBOX";
    public const string PublishComplete = "PUBLISH_COMPLETE";
    public const string Failed = "FAILED";

    public static TikTokStatusMeaning Map(string status, string? failReason, PublishMode mode) => status switch
    {
        ProcessingUpload => new(JobState.Processing, "TikTok is receiving and checking the video."),
        ProcessingDownload => new(JobState.Processing, "TikTok is downloading the video from its link."),
        SendToUserInbox => new(JobState.SentToInbox,
            "Sent to your TikTok inbox. Open the notification in the TikTok app to edit and post it."),
        PublishComplete => new(JobState.Published, mode == PublishMode.Inbox
            ? "Posted on TikTok from your inbox."
            : "Posted on TikTok. It may take a few minutes to appear on your profile."),
        Failed => Failure(failReason),
        _ => new(JobState.Processing, $"TikTok reports the status \"{status}\"; Midx keeps checking."),
    };

    /// <summary>A FAILED status in the catalogue's words; an unknown or missing fail_reason gets its honest entry.</summary>
    private static TikTokStatusMeaning Failure(string? failReason)
    {
        var code = FailureCode(failReason);
        return new(JobState.Failed, code.Message, code.Retryable);
    }

    /// <summary>The code a FAILED status is stored with: its fail_reason, or <see cref="ErrorCatalog.FailedWithoutReason"/>.</summary>
    public static ErrorCode FailureCode(string? failReason) =>
        string.IsNullOrEmpty(failReason) ? ErrorCatalog.FailedWithoutReason : ErrorCatalog.Find(failReason);
}
