using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.Core.Admin;

/// <summary>
/// Plain-words explanations of the failure codes a job can end with: TikTok's own codes (its error codes and the
/// fail_reason values of https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status) and
/// Midx-side causes. Unknown codes still get an honest explanation.
/// </summary>
public static class FailureCatalog
{
    /// <summary>The filter value for failed jobs that carry no code at all.</summary>
    public const string NoCode = "-";

    private static readonly Dictionary<string, FailureExplanation> Known = new FailureExplanation[]
    {
        new("file_format_check_failed", FailureSource.TikTok, "TikTok could not read the video format.",
            "Export the video again as MP4 (H.264) or WebM and post it again."),
        new("duration_check_failed", FailureSource.TikTok, "The video is longer (or shorter) than this creator may post.",
            "Trim the video to the maximum duration shown on the compose page."),
        new("frame_rate_check_failed", FailureSource.TikTok, "The frame rate is outside what TikTok accepts (23–60 fps).",
            "Export the video at 30 or 60 fps and post it again."),
        new("picture_size_check_failed", FailureSource.TikTok, "The resolution is outside what TikTok accepts (360–4096 px per side).",
            "Export the video at 1080×1920 or another supported size and post it again."),
        new("internal", FailureSource.TikTok, "TikTok had an internal problem while processing the video.",
            "Nothing was wrong with the video; retry the post."),
        new("internal_error", FailureSource.TikTok, "TikTok's API answered with a server error.",
            "Retry the post; if it keeps failing, TikTok may be having an outage."),
        new("video_pull_failed", FailureSource.TikTok, "TikTok could not download the video from the given URL (or took over an hour).",
            "Check the URL still serves the file, or upload the file from the device instead."),
        new("publish_cancelled", FailureSource.TikTok, "The download was cancelled before TikTok finished it.",
            "Post again if the cancellation was not intended."),
        new("auth_removed", FailureSource.TikTok, "The creator removed Midx's access to their TikTok account while the video was processing.",
            "Reconnect the TikTok account on the Accounts page, then post again."),
        new("access_token_invalid", FailureSource.TikTok, "TikTok no longer accepts the account's access token, even after a refresh.",
            "Reconnect the TikTok account on the Accounts page."),
        new("scope_not_authorized", FailureSource.TikTok, "The account did not grant the permission needed to post.",
            "Reconnect the TikTok account and allow posting when TikTok asks."),
        new("scope_permission_missed", FailureSource.TikTok, "The account did not grant the permission needed to post.",
            "Reconnect the TikTok account and allow posting when TikTok asks."),
        new("rate_limit_exceeded", FailureSource.TikTok, "Too many requests for this account in one minute.",
            "Wait a minute and retry the post."),
        new("spam_risk_too_many_posts", FailureSource.TikTok, "The creator reached TikTok's daily posting cap (about 15 posts a day across all apps).",
            "Schedule the post for tomorrow."),
        new("spam_risk_too_many_pending_share", FailureSource.TikTok, "The creator already has 5 drafts waiting in their TikTok inbox.",
            "Open TikTok, post or delete the waiting drafts, then send again."),
        new("spam_risk_user_banned_from_posting", FailureSource.TikTok, "TikTok has banned this account from posting.",
            "The creator must resolve this with TikTok; Midx cannot post for them meanwhile."),
        new("spam_risk_text", FailureSource.TikTok, "TikTok judged the caption to be spam.",
            "Rewrite the caption (fewer links, hashtags and mentions) and post again."),
        new("spam_risk", FailureSource.TikTok, "TikTok judged the request risky.",
            "Do not retry at once; post later or from the TikTok app."),
        new("reached_active_user_cap", FailureSource.TikTok, "Midx reached TikTok's daily cap of creators who may post through it.",
            "Schedule the post for tomorrow; the operator can ask TikTok to raise the cap."),
        new("unaudited_client_can_only_post_to_private_accounts", FailureSource.TikTok,
            "Midx's TikTok app is not audited yet, so it may post only to private accounts.",
            "Make the TikTok account private, or wait until Midx passes TikTok's audit."),
        new("privacy_level_option_mismatch", FailureSource.TikTok, "The chosen privacy is not one this creator may use now.",
            "Open the compose page again and choose one of the privacy options it lists."),
        new("invalid_params", FailureSource.TikTok, "TikTok rejected the request's settings.",
            "Check the caption, privacy and disclosure choices and post again."),
        new("url_ownership_unverified", FailureSource.TikTok, "The video URL is not on a domain verified for Midx in TikTok's portal.",
            "Upload the file from the device instead; the operator can verify the domain."),
        new("invalid_file_upload", FailureSource.TikTok, "TikTok rejected the uploaded bytes.",
            "Post again; if it keeps failing, export the video again."),
        new(WorkerCodes.UploadExpired, FailureSource.Midx, "TikTok's upload URL expired (after an hour) before all chunks were sent.",
            "Retry the post; a new attempt gets a new upload URL."),
        new(WorkerCodes.UploadNotFound, FailureSource.Midx, "TikTok's upload host no longer knew the upload.",
            "Retry the post; a new attempt gets a new upload URL."),
        new(WorkerCodes.UploadRejected, FailureSource.Midx, "TikTok's upload host refused a chunk of the video.",
            "Retry the post; if it keeps failing, export the video again."),
        new(WorkerCodes.UploadServerError, FailureSource.Midx, "TikTok's upload host failed the same chunk on every attempt.",
            "Retry the post in a few minutes."),
        new(WorkerCodes.UploadOutOfSync, FailureSource.Midx, "TikTok's record of the upload no longer matched what Midx sent.",
            "Retry the post; a new attempt starts a fresh upload."),
        new(WorkerCodes.HeldAccountNeedsReconnect, FailureSource.Midx, "The TikTok account must be reconnected before the post can go on.",
            "Reconnect the TikTok account on the Accounts page; held posts then continue."),
        new(WorkerCodes.HeldUserDisabled, FailureSource.Midx, "The Midx user is disabled, so their posts are held.",
            "Re-enable the user in the console if that was a mistake."),
        new(WorkerCodes.AccountDisconnected, FailureSource.Midx,
            "The creator disconnected the TikTok account before Midx was done: a post not yet sent was cancelled, or Midx stopped following it.",
            "Nothing to fix; the creator can link the account again and compose the post again."),
        new(WorkerCodes.MediaMissing, FailureSource.Midx, "The video file was no longer on Midx's disk when the worker needed it.",
            "Upload the video again."),
        new(WorkerCodes.InitOutcomeUnknown, FailureSource.Midx,
            "Midx asked TikTok to start the post but never learned the answer, so it did not ask again (that could post twice).",
            "Check the TikTok profile or inbox; if the video is not there, retry the post."),
    }.ToDictionary(e => e.Code, StringComparer.Ordinal);

    public static FailureExplanation Explain(string? code)
    {
        if (string.IsNullOrEmpty(code) || code == NoCode)
        {
            return new FailureExplanation(NoCode, FailureSource.Midx, "The job failed without a recorded code.",
                "Open an example to read the message in its status history.");
        }

        if (Known.TryGetValue(code, out var known))
        {
            return known;
        }

        // The TikTok client's catalogue knows every documented code; its sentence is the one creators see.
        return TikTokErrorCatalog.IsKnown(code)
            ? new FailureExplanation(code, FailureSource.TikTok, TikTokErrorCatalog.Describe(code).UserMessage,
                "Open an example: TikTok's message and log id are in its status history.")
            : new FailureExplanation(code, FailureSource.TikTok, "A code this console does not describe yet.",
                "Open an example: TikTok's message and log id are in its status history.");
    }
}
