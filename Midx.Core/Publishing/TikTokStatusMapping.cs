namespace Midx.Core.Publishing;

/// <summary>
/// Maps TikTok's post status (<c>status/fetch</c>,
/// https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status) and <c>fail_reason</c> to a job
/// state and a plain-language message. Only PUBLISH_COMPLETE counts as posted: TikTok can still fail a video after
/// the upload, so any earlier status is no proof. For an inbox draft SEND_TO_USER_INBOX is Midx's success, since the
/// rest is up to the creator in the TikTok app.
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
        Failed => MapFailure(failReason),
        _ => new(JobState.Processing, $"TikTok reports the status \"{status}\"; Midx keeps checking."),
    };

    public static TikTokStatusMeaning MapFailure(string? failReason) => failReason switch
    {
        "file_format_check_failed" => new(JobState.Failed,
            "TikTok could not accept the video's format. Export it as an MP4 with H.264 video and post it again."),
        "duration_check_failed" => new(JobState.Failed,
            "TikTok refused the video's length for this account. Trim it and post it again."),
        "frame_rate_check_failed" => new(JobState.Failed,
            "TikTok refused the video's frame rate: it must be between 23 and 60 frames per second. Export it again at 30 fps."),
        "picture_size_check_failed" => new(JobState.Failed,
            "TikTok refused the picture size: each side must be between 360 and 4096 pixels. Export it again at a supported size."),
        "internal" => new(JobState.Failed,
            "TikTok had an internal problem while processing the video. This is on TikTok's side: retry the post.", Retryable: true),
        "video_pull_failed" => new(JobState.Failed,
            "TikTok could not download the video from its link, or the download took over an hour. Check that the link "
            + "works without redirects and retry.", Retryable: true),
        "publish_cancelled" => new(JobState.Failed, "The post was cancelled before TikTok finished downloading the video."),
        "auth_removed" => new(JobState.Failed,
            "Midx's access to this TikTok account was removed while the video was processing. Reconnect the account before posting again."),
        "spam_risk_too_many_posts" => new(JobState.Failed,
            "This TikTok account has reached its daily limit of posts made through apps. Try again tomorrow."),
        "spam_risk_user_banned_from_posting" => new(JobState.Failed,
            "TikTok is not allowing this account to post right now. Check the account in the TikTok app."),
        "spam_risk_text" => new(JobState.Failed,
            "TikTok flagged the caption as possible spam. Change the caption before posting again."),
        "spam_risk" => new(JobState.Failed, "TikTok judged this post risky and refused it."),
        null or "" => new(JobState.Failed, "TikTok could not post the video and gave no reason."),
        _ => new(JobState.Failed, $"TikTok could not post the video (reason: {failReason})."),
    };
}
