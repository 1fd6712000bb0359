using System.Collections.Frozen;
using System.Reflection;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.Core.Errors;

/// <summary>
/// Every error code Midx stores, shows or receives, TikTok's and its own, each declared once with what the creator is
/// told, what to do about it, what the admin console says and whether retrying can help. A stored string is looked up
/// with <see cref="Find"/>: without regard to case, <c>invalid_param</c> as <c>invalid_params</c> (TikTok's Direct Post
/// reference spells it one way and its servers the other), and an honest entry for a code Midx does not know.
/// </summary>
public static partial class ErrorCatalog
{
    private const string Reconnect = "Reconnect the account on the Accounts page and keep every permission ticked.";
    private const string TellUs = "Please tell us.";
    private const string OnMidxSide = "This is a problem on Midx's side.";
    private const string ExampleHistory = "Open an example: TikTok's message and log id are in its status history.";

    // Generic API v2 (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).
    public static readonly ErrorCode AccessTokenInvalid = TikTokCode("access_token_invalid", TikTokErrorKind.Auth,
        "TikTok did not accept Midx's sign-in for this account.",
        "Reconnect the account on the Accounts page.",
        "TikTok refused the account's access token; the publish worker renews it and replays the call once before it holds "
        + "the account's posts for a reconnect.");

    public static readonly ErrorCode InternalError = TikTokCode("internal_error", TikTokErrorKind.Transient,
        "TikTok had a problem on its side.",
        "Try again in a few minutes; if it keeps failing, TikTok may be having an outage.",
        "TikTok's API answered with a server error.", retryable: true);

    public static readonly ErrorCode InvalidFileUpload = TikTokCode("invalid_file_upload", TikTokErrorKind.Content,
        "TikTok could not accept the uploaded file.",
        "Export the video again as MP4, MOV or WebM and post it again.",
        "TikTok rejected the uploaded bytes.");

    public static readonly ErrorCode InvalidParams = TikTokCode("invalid_params", TikTokErrorKind.Content,
        "TikTok rejected some of the post's settings.",
        "Check the caption, privacy and disclosure choices, change the post and try again.",
        "TikTok rejected the request's settings; its own message is in the status history.");

    /// <summary>TikTok counts requests per minute (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).</summary>
    public static readonly ErrorCode RateLimitExceeded = TikTokCode("rate_limit_exceeded", TikTokErrorKind.Transient,
        "TikTok is receiving too many requests for this account right now.",
        $"Wait a minute and try again; a post TikTok refused to start is started again by Midx a minute later, up to {InitJobStep.MaxRateLimitedInits} times.",
        "Too many requests for this account in TikTok's one-minute window. A refused init is started again a minute later, "
        + $"up to {InitJobStep.MaxRateLimitedInits} times, before the job fails; a refused status check waits a minute.", retryable: true);

    public static readonly ErrorCode ScopeNotAuthorized = TikTokCode("scope_not_authorized", TikTokErrorKind.Reconnect,
        "This TikTok account has not given Midx the permission this needs.", Reconnect,
        "The account did not grant the scope this call needs (posting, say).");

    public static readonly ErrorCode ScopePermissionMissed = TikTokCode("scope_permission_missed", TikTokErrorKind.Reconnect,
        "TikTok needs an extra permission for this that the account did not grant.", Reconnect,
        "The account did not grant a scope one of the requested fields needs.");

    // Posting: the creator_info, Direct Post, upload and media transfer pages, e.g.
    // https://developers.tiktok.com/doc/content-posting-api-reference-direct-post.
    public static readonly ErrorCode SpamRiskTooManyPosts = TikTokCode("spam_risk_too_many_posts", TikTokErrorKind.Quota,
        "This TikTok account has reached TikTok's daily limit for posts made through apps.",
        "Schedule the post for tomorrow, or try again in 24 hours.",
        "The creator reached TikTok's daily cap on posts made through apps (about 15 a day across all apps).");

    public static readonly ErrorCode SpamRiskUserBannedFromPosting = TikTokCode("spam_risk_user_banned_from_posting", TikTokErrorKind.AccountState,
        "TikTok has blocked this account from making new posts.",
        "Open the TikTok app to see why; Midx cannot post for this account until TikTok allows it again.",
        "TikTok has banned this account from posting; the creator must resolve it with TikTok.");

    public static readonly ErrorCode ReachedActiveUserCap = TikTokCode("reached_active_user_cap", TikTokErrorKind.Quota,
        "Midx has reached TikTok's daily limit on how many creators can post through it; nothing is wrong with your account.",
        "Try again tomorrow.",
        "Midx reached TikTok's daily cap of creators who may post through it; the operator can ask TikTok to raise the cap.");

    public static readonly ErrorCode UnauditedClientCanOnlyPostToPrivateAccounts = TikTokCode("unaudited_client_can_only_post_to_private_accounts",
        TikTokErrorKind.AccountState,
        "Until TikTok finishes reviewing Midx, it can only post to private accounts.",
        "In the TikTok app, set this account to Private (Settings and privacy › Privacy › Private account), then try again.",
        "Midx's TikTok app is not audited yet, so it may post only to private accounts.");

    public static readonly ErrorCode UrlOwnershipUnverified = TikTokCode("url_ownership_unverified", TikTokErrorKind.OperatorConfig,
        "TikTok could not confirm that Midx owns the address the video would be fetched from.",
        "Upload the file itself instead.",
        "The video URL is not under a domain or URL prefix verified for Midx in TikTok's developer portal; verify it there.");

    public static readonly ErrorCode PrivacyLevelOptionMismatch = TikTokCode("privacy_level_option_mismatch", TikTokErrorKind.Content,
        "The chosen audience is not one TikTok offers this account right now.",
        "Open the compose page again and choose one of the privacy options it lists.",
        "The chosen privacy level is not among the creator's current privacy_level_options.");

    public static readonly ErrorCode SpamRiskTooManyPendingShare = TikTokCode("spam_risk_too_many_pending_share", TikTokErrorKind.Quota,
        "This account already has 5 drafts from apps waiting in its TikTok inbox from the last 24 hours.",
        "Open TikTok, post or delete those drafts, then send again.",
        "The creator already has 5 drafts waiting in their TikTok inbox.");

    public static readonly ErrorCode AppVersionCheckFailed = TikTokCode("app_version_check_failed", TikTokErrorKind.AccountState,
        "The TikTok app on your phone is too old for this.",
        "Update TikTok, then try again.",
        "The creator's TikTok app is older than TikTok requires for this.");

    public static readonly ErrorCode InvalidPublishId = TikTokCode("invalid_publish_id", TikTokErrorKind.StatusLookup,
        "TikTok no longer knows this upload, so Midx shows the last status it recorded.",
        "Check your TikTok profile or inbox for the video.",
        "TikTok did not recognise the publish_id Midx asked about.");

    public static readonly ErrorCode TokenNotAuthorizedForSpecifiedPublishId = TikTokCode("token_not_authorized_for_specified_publish_id",
        TikTokErrorKind.StatusLookup,
        "This upload belongs to a different TikTok account than the one Midx asked with, so Midx shows the last status it recorded.",
        "Check your TikTok profile or inbox for the video.",
        "The publish_id belongs to another account than the token's.");

    public static readonly ErrorCode PublishNotCancellable = TikTokCode("publish_not_cancellable", TikTokErrorKind.StatusLookup,
        "TikTok can no longer cancel this upload; it has gone too far.",
        "If the video appears on TikTok and you did not want it, delete it in the TikTok app.",
        "TikTok refused to cancel a publish that had progressed too far.");

    // Status fail_reason values (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
    public static readonly ErrorCode FileFormatCheckFailed = TikTokCode("file_format_check_failed", TikTokErrorKind.Content,
        "TikTok could not read the video's format.",
        "Export it as an MP4 with H.264 video and post it again.",
        "TikTok could not read the video format.");

    public static readonly ErrorCode DurationCheckFailed = TikTokCode("duration_check_failed", TikTokErrorKind.Content,
        "The video is too long or too short for this account on TikTok.",
        "Trim it to the length the compose page shows and post it again.",
        "The video is longer (or shorter) than this creator may post.");

    public static readonly ErrorCode FrameRateCheckFailed = TikTokCode("frame_rate_check_failed", TikTokErrorKind.Content,
        "TikTok accepts videos between 23 and 60 frames per second, and this one is outside that.",
        "Export it again at 30 or 60 fps and post it again.",
        "The frame rate is outside what TikTok accepts (23–60 fps).");

    public static readonly ErrorCode PictureSizeCheckFailed = TikTokCode("picture_size_check_failed", TikTokErrorKind.Content,
        "TikTok accepts videos between 360 and 4096 pixels on each side, and this one is outside that.",
        "Export it again at a supported size, such as 1080×1920, and post it again.",
        "The resolution is outside what TikTok accepts (360–4096 px per side).");

    public static readonly ErrorCode Internal = TikTokCode("internal", TikTokErrorKind.Transient,
        "TikTok had an internal problem while processing the video; nothing was wrong with the video.",
        "Retry the post.",
        "TikTok had an internal problem while processing the video.", retryable: true);

    public static readonly ErrorCode VideoPullFailed = TikTokCode("video_pull_failed", TikTokErrorKind.Transient,
        "TikTok could not download the video from its link, or the download took over an hour.",
        "Check that the link works without redirects and retry, or upload the file itself.",
        "TikTok could not download the video from the given URL (or took over an hour).", retryable: true);

    public static readonly ErrorCode PhotoPullFailed = TikTokCode("photo_pull_failed", TikTokErrorKind.Transient,
        "TikTok could not download the photos in time.",
        "Try again.",
        "TikTok could not download the photos from their URLs in time.", retryable: true);

    public static readonly ErrorCode PublishCancelled = TikTokCode("publish_cancelled", TikTokErrorKind.Content,
        "The post was cancelled before TikTok finished downloading the video.",
        "Post it again if the cancellation was not intended.",
        "The download was cancelled before TikTok finished it.");

    public static readonly ErrorCode AuthRemoved = TikTokCode("auth_removed", TikTokErrorKind.Reconnect,
        "Midx's access to this TikTok account was removed while the video was processing.",
        "Reconnect the account on the Accounts page before posting again.",
        "The creator removed Midx's access in TikTok while the video was processing.");

    public static readonly ErrorCode SpamRiskText = TikTokCode("spam_risk_text", TikTokErrorKind.Content,
        "TikTok flagged the caption as possible spam.",
        "Rewrite the caption (fewer links, hashtags and mentions) and post again.",
        "TikTok judged the caption to be spam.");

    /// <summary>A FAILED status without a fail_reason, stored as the status name itself as earlier versions did.</summary>
    public static readonly ErrorCode FailedWithoutReason = new(TikTokStatusMapping.Failed, ErrorSource.TikTok, null,
        "TikTok could not post the video and gave no reason.",
        "Try again; if it fails again, check the video in the TikTok app.",
        "TikTok's status was FAILED without a fail_reason.", false, null);

    public static readonly ErrorCode SpamRisk = TikTokCode("spam_risk", TikTokErrorKind.Content,
        "TikTok judged this post risky and did not publish it.",
        "Do not retry at once; post later or from the TikTok app.",
        "TikTok judged the request risky.");

    // OAuth (https://developers.tiktok.com/doc/oauth-error-handling).
    public static readonly ErrorCode AccessDenied = TikTokCode("access_denied", TikTokErrorKind.Declined,
        "You declined on TikTok's page, so no account was linked.",
        "You can try again whenever you like.",
        "The person said no on TikTok's consent page.");

    public static readonly ErrorCode InvalidClient = TikTokCode("invalid_client", TikTokErrorKind.OperatorConfig,
        "TikTok did not recognise Midx's app credentials. " + OnMidxSide, TellUs,
        "TikTok refused Midx's client key or secret; check them in the configuration.");

    public static readonly ErrorCode InvalidGrant = TikTokCode("invalid_grant", TikTokErrorKind.Reconnect,
        "TikTok no longer accepts this account's saved sign-in.", Reconnect,
        "TikTok refused the authorization code or refresh token: expired, revoked or already used.");

    public static readonly ErrorCode InvalidRequest = TikTokCode("invalid_request", TikTokErrorKind.OperatorConfig,
        "TikTok rejected Midx's sign-in request.",
        "Please try again; if it happens again, tell us.",
        "TikTok found Midx's OAuth request malformed (a missing parameter or a redirect URI it does not know).");

    public static readonly ErrorCode InvalidScope = TikTokCode("invalid_scope", TikTokErrorKind.OperatorConfig,
        "TikTok refused one of the permissions Midx asked for. " + OnMidxSide, TellUs,
        "TikTok refused a scope Midx requested; check the scopes enabled for the app in TikTok's developer portal.");

    public static readonly ErrorCode UnauthorizedClient = TikTokCode("unauthorized_client", TikTokErrorKind.OperatorConfig,
        "TikTok has not allowed Midx to do this yet. " + OnMidxSide, TellUs,
        "TikTok has not enabled this for Midx's app (a product or grant type not approved).");

    public static readonly ErrorCode UnsupportedGrantType = TikTokCode("unsupported_grant_type", TikTokErrorKind.OperatorConfig,
        "TikTok refused how Midx asked for a sign-in. " + OnMidxSide, TellUs,
        "TikTok does not support the grant_type Midx sent.");

    public static readonly ErrorCode UnsupportedResponseType = TikTokCode("unsupported_response_type", TikTokErrorKind.OperatorConfig,
        "TikTok refused how Midx asked for a sign-in. " + OnMidxSide, TellUs,
        "TikTok does not support the response_type Midx sent.");

    public static readonly ErrorCode ServerError = TikTokCode("server_error", TikTokErrorKind.Transient,
        "TikTok had a problem on its side.",
        "Please try again in a moment.",
        "TikTok's OAuth server failed.", retryable: true);

    public static readonly ErrorCode TemporarilyUnavailable = TikTokCode("temporarily_unavailable", TikTokErrorKind.Transient,
        "TikTok is temporarily unavailable.",
        "Please try again in a moment.",
        "TikTok's OAuth server is temporarily unavailable.", retryable: true);

    // Midx's own: what the TikTok client and the publish worker found besides TikTok's codes.
    public static readonly ErrorCode UnexpectedResponse = MidxCode("unexpected_response",
        "TikTok sent an answer Midx could not read.",
        "Try again in a few minutes.",
        "TikTok's answer was not its documented shape (an HTML gateway page, say).", retryable: true, kind: TikTokErrorKind.Transient);

    public static readonly ErrorCode InitOutcomeUnknown = MidxCode("init_outcome_unknown",
        "Midx can't tell whether TikTok received the request.",
        "Check your TikTok profile or inbox before retrying.",
        "Midx asked TikTok to start the post but never learned the answer, so it did not ask again (that could post twice).");

    public static readonly ErrorCode MediaMissing = MidxCode("media_missing",
        "The video file was no longer on Midx when it was needed.",
        "Upload the video again and post it again.",
        "The video file was gone from Midx's disk (or had changed size) before all of it reached TikTok.");

    /// <summary>TikTok gives an upload_url one hour from init (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post).</summary>
    public static readonly ErrorCode UploadExpired = MidxCode("upload_expired",
        "TikTok's upload link expired (it lasts an hour) before the whole video was sent.",
        "Retry the post; a new attempt gets a new upload link.",
        "TikTok's upload URL expired (403 after an hour) before all chunks were sent.", retryable: true);

    public static readonly ErrorCode UploadNotFound = MidxCode("upload_not_found",
        "TikTok's upload link no longer works.",
        "Retry the post; a new attempt gets a new upload link.",
        "TikTok's upload host no longer knew the upload (404), or Midx lost its upload URL.", retryable: true);

    public static readonly ErrorCode UploadRejected = MidxCode("upload_rejected",
        "TikTok's upload host refused part of the video.",
        "Retry the post; if it keeps failing, export the video again.",
        "TikTok's upload host refused a chunk's headers or length (400) or answered something undocumented.", retryable: true);

    public static readonly ErrorCode UploadServerError = MidxCode("upload_server_error",
        "TikTok's upload host kept failing while the video was sent.",
        "Retry the post in a few minutes.",
        "TikTok's upload host failed the same chunk on every attempt.", retryable: true);

    public static readonly ErrorCode UploadOutOfSync = MidxCode("upload_out_of_sync",
        "TikTok's record of the upload no longer matched what Midx sent.",
        "Retry the post; a new attempt starts a fresh upload.",
        "TikTok's upload progress could not be matched to Midx's chunk plan.", retryable: true);

    public static readonly ErrorCode HeldAccountNeedsReconnect = MidxCode("held_account_needs_reconnect",
        "This post is on hold: TikTok no longer accepts Midx's access to its account.",
        "Reconnect the account on the Accounts page and the post goes on by itself.",
        "Held: the TikTok account must be reconnected before the post can go on.");

    public static readonly ErrorCode HeldUserDisabled = MidxCode("held_user_disabled",
        "This post is on hold: the Midx account is disabled, so nothing is sent to TikTok.",
        "It goes on if the account is enabled again.",
        "Held: the Midx user is disabled; re-enable the user in the console if that was a mistake.");

    public static readonly ErrorCode StillProcessing = MidxCode("still_processing",
        "TikTok is taking longer than usual with this video.",
        "Nothing to do yet: Midx keeps checking.",
        "A history note: TikTok was still processing after PublishingOptions.ProcessingWarningAfter.");

    public static readonly ErrorCode InboxWatchEnded = MidxCode("inbox_watch_ended",
        "Midx has stopped checking whether you posted this draft.",
        "If you post it from your TikTok inbox, it appears on your profile as usual.",
        "A history note: Midx stopped checking an inbox draft after PublishingOptions.InboxWatchDuration.");

    public static readonly ErrorCode PostIdArrived = MidxCode("post_id_arrived",
        "TikTok finished reviewing the post: it is public, and its link is ready.",
        "Nothing to do.",
        "A history note: TikTok named the public post's id after its moderation finished.");

    public static readonly ErrorCode AccountDisconnected = MidxCode("account_disconnected",
        "The post's TikTok account was disconnected from Midx before Midx was done with it.",
        "Link the account again, then compose the post again.",
        "The creator disconnected the TikTok account before Midx was done: a post not yet sent was cancelled, or Midx stopped following it.");

    // Midx's own: a submission refused before anything is sent, each with the compose field it belongs to
    // (the checks follow https://developers.tiktok.com/doc/content-sharing-guidelines).
    public static readonly ErrorCode SubmissionKey = SubmissionCode("submission_key", ComposeFields.General,
        "The form was incomplete.",
        "Reload the page and try again.");

    public static readonly ErrorCode ConsentMissing = SubmissionCode("consent_missing", ComposeFields.General,
        "Nothing was sent: Midx posts only after you press Publish under the declaration.",
        "Read the declaration and press Publish to post.");

    public static readonly ErrorCode CaptionTooLong = SubmissionCode("caption_too_long", ComposeFields.Caption,
        $"The caption is longer than TikTok allows ({PublishRequestRules.MaxCaptionLength:N0} characters).",
        "Shorten it and try again.");

    public static readonly ErrorCode PrivacyMissing = SubmissionCode("privacy_missing", ComposeFields.Privacy,
        "No audience was chosen.",
        "Choose who can see this post.");

    public static readonly ErrorCode DirectPostOff = SubmissionCode("direct_post_off", ComposeFields.General,
        "Direct Post is switched off here: Midx sends videos only as drafts to the TikTok inbox.",
        "Send it to the TikTok inbox instead, then finish the post in the TikTok app.");

    public static readonly ErrorCode PrivacyNotOffered = SubmissionCode("privacy_not_offered", ComposeFields.Privacy,
        "This TikTok account does not offer the chosen audience right now.",
        "Choose one of the options shown.");

    public static readonly ErrorCode DisclosureIncomplete = SubmissionCode("disclosure_incomplete", ComposeFields.Disclosure,
        SharingGuidelineTexts.DisclosureIncomplete,
        $"Tick \"{SharingGuidelineTexts.YourBrand}\", \"{SharingGuidelineTexts.BrandedContent}\" or both.");

    public static readonly ErrorCode BrandedPrivate = SubmissionCode("branded_private", ComposeFields.Privacy,
        SharingGuidelineTexts.BrandedNotPrivate,
        $"Choose another audience, or turn off \"{SharingGuidelineTexts.BrandedContent}\".");

    public static readonly ErrorCode VideoMissing = SubmissionCode("video_missing", ComposeFields.Video,
        "The post has no video Midx still keeps.",
        "Choose a video to post.");

    public static readonly ErrorCode CoverOutOfRange = SubmissionCode("cover_out_of_range", ComposeFields.Cover,
        "The cover frame must be a moment inside the video.",
        "Choose a time between its start and its end.");

    public static readonly ErrorCode ScheduleInPast = SubmissionCode("schedule_in_past", ComposeFields.Schedule,
        "The time you chose has already passed.",
        "Choose a later time, or post now.");

    public static readonly ErrorCode ScheduleTooFar = SubmissionCode("schedule_too_far", ComposeFields.Schedule,
        "The time you chose is later than Midx keeps the uploaded video.",
        "Choose an earlier time.");

    public static readonly ErrorCode UrlNotAvailable = SubmissionCode("url_not_available", ComposeFields.Url,
        "Posting from a link is not set up on this Midx.",
        "Upload the video file instead.");

    public static readonly ErrorCode UrlNotHttps = SubmissionCode("url_not_https", ComposeFields.Url,
        "The video link must be a full https:// address.",
        "Correct the link, or upload the file instead.");

    public static readonly ErrorCode UrlNotVerified = SubmissionCode("url_not_verified", ComposeFields.Url,
        "TikTok only downloads videos from addresses verified for Midx.",
        "Put the video under one of those addresses, or upload the file instead.");

    public static readonly ErrorCode AccountNotFound = SubmissionCode("account_not_found", ComposeFields.Account,
        "That TikTok account is not linked to your Midx.",
        "Choose one of your linked TikTok accounts.");

    public static readonly ErrorCode AccountNeedsReconnect = SubmissionCode("account_needs_reconnect", ComposeFields.Account,
        "TikTok no longer accepts Midx's access to this account.",
        "Reconnect the account on the Accounts page, then post again.");

    // Midx's own: a video file refused by the probe before any TikTok call (limits from
    // https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
    public static readonly ErrorCode EmptyFile = SubmissionCode("empty_file", ComposeFields.Video,
        "The file is empty (0 bytes).",
        "Choose the video file again.");

    public static readonly ErrorCode FileTooLarge = SubmissionCode("file_too_large", ComposeFields.Video,
        "The file is larger than 4 GB, the most TikTok accepts.",
        "Export a shorter or smaller version and upload that.");

    public static readonly ErrorCode NotAVideo = SubmissionCode("not_a_video", ComposeFields.Video,
        "This file is not a video Midx can send to TikTok. Midx accepts MP4, MOV and WebM videos; renaming another kind of file does not make it one.",
        "Choose a video file.");

    public static readonly ErrorCode UnsupportedContainer = SubmissionCode("unsupported_container", ComposeFields.Video,
        "This file's container is not one TikTok accepts (a Matroska .mkv file, say, or an audio-only MP4).",
        "Export it as MP4, MOV or WebM and upload that.");

    public static readonly ErrorCode Truncated = SubmissionCode("truncated", ComposeFields.Video,
        "The video file is incomplete: it ends before its own structure says it should, which usually means it was "
        + "cut off while copying, downloading or exporting.",
        "Export or copy it again and upload the whole file.");

    public static readonly ErrorCode Damaged = SubmissionCode("damaged", ComposeFields.Video,
        "The video file is damaged: its header holds values no player can use.",
        "Export it again and upload that.");

    public static readonly ErrorCode NoVideoTrack = SubmissionCode("no_video_track", ComposeFields.Video,
        "The file holds no video picture (it may be audio only).",
        "Choose a video file.");

    public static readonly ErrorCode DurationUnknown = SubmissionCode("duration_unknown", ComposeFields.Video,
        "The video does not state how long it is (screen and browser recordings often leave this out), so Midx cannot "
        + "check it against TikTok's length limit.",
        "Open it in a video editor, export it again, and upload that.");

    public static readonly ErrorCode TooShort = SubmissionCode("too_short", ComposeFields.Video,
        "The video has no length (0 seconds).",
        "Choose another video.");

    public static readonly ErrorCode TooLong = SubmissionCode("too_long", ComposeFields.Video,
        "The video is longer than this TikTok account can post.",
        "Trim it and upload it again.");

    // Midx's own: the upload endpoint and the job buttons.
    public static readonly ErrorCode NoFile = MidxCode("no_file",
        "No video file was sent.",
        "Choose a file and try again.",
        "An upload request carried no file.");

    public static readonly ErrorCode Antiforgery = MidxCode("antiforgery",
        "The upload did not come from a Midx page you have open (its security token is missing or old).",
        "Reload the page and try again.",
        "An upload's antiforgery token was missing or no longer valid.", retryable: true);

    public static readonly ErrorCode UploadStalled = MidxCode("upload_stalled",
        "The upload stopped: no more of the video arrived.",
        "Check your connection and upload it again.",
        "The browser stopped sending an upload before its end.", retryable: true);

    public static readonly ErrorCode UploadFailed = MidxCode("upload_failed",
        "The upload did not work.",
        "Try again.",
        "An upload ended without an answer the page could read (a proxy's error page, a cut connection).", retryable: true);

    public static readonly ErrorCode UploadCancelled = MidxCode("upload_cancelled",
        "Upload cancelled.",
        "Nothing was kept.",
        "The person cancelled an upload; the endpoint deleted what it had received.");

    public static readonly ErrorCode UploadConnectionLost = MidxCode("upload_connection_lost",
        "The connection to Midx broke during the upload.",
        "Check your connection and choose the file again.",
        "The browser lost its connection while sending an upload.", retryable: true);

    public static readonly ErrorCode UploadGone = MidxCode("upload_gone",
        "The uploaded video is no longer here.",
        "Upload it again.",
        "An upload was not the user's, or Midx no longer keeps it.");

    public static readonly ErrorCode UploadInUse = MidxCode("in_use",
        "This video belongs to a post that is still on its way to TikTok.",
        "Cancel the post first.",
        "The user tried to delete an upload a live job still needs.");

    public static readonly ErrorCode TooManyUploadsAtOnce = MidxCode("too_many_uploads_at_once",
        "Another upload of yours is still running.",
        "Wait for it to finish, then try again.",
        "The user reached PublishingOptions.MaxConcurrentUploadsPerUser uploads at once.", retryable: true);

    public static readonly ErrorCode UploadRateLimited = MidxCode("upload_rate_limited",
        "You have started the most uploads Midx allows within an hour.",
        "Try again later.",
        "The user reached PublishingOptions.UploadsPerHour uploads within an hour.", retryable: true);

    public static readonly ErrorCode JobNotFound = MidxCode("job_not_found",
        "There is no such post among yours.",
        "Open it from your history.",
        "A cancel or retry named a job that is not the user's.");

    public static readonly ErrorCode NotCancellable = MidxCode("not_cancellable",
        "This post can no longer be cancelled from Midx.",
        "If TikTok already has it, delete it in the TikTok app once it appears.",
        "A cancel came for a job TikTok already has or that has ended.");

    public static readonly ErrorCode NotRetryable = MidxCode("not_retryable",
        "Only a failed post can be retried.",
        "Open the failed attempt and retry that one.",
        "A retry came for a job that has not failed.");

    // Review before send (a workspace whose posts need approval).
    public static readonly ErrorCode NotAllowedToApprove = MidxCode("not_allowed_to_approve",
        "Only a Publisher or an Owner of this workspace can approve posts or send them back.",
        "Ask one of them to review it.",
        "An approval or send-back came from a member whose role may not approve.");

    public static readonly ErrorCode NotAwaitingReview = MidxCode("not_awaiting_review",
        "This post is no longer waiting for review.",
        "Its page shows where it is now.",
        "An approval or send-back came for a job that had already been approved, sent back, edited or cancelled.");

    public static readonly ErrorCode ApprovalLate = MidxCode("approval_late",
        "The time this post was to go has passed while it waited for review.",
        "Choose a new time, or post it now.",
        "An approval came after the post's scheduled time; Midx asks for a new time rather than posting late.");

    public static readonly ErrorCode ReviewOutdated = MidxCode("review_outdated",
        "The post was edited after you opened it.",
        "Look at the new version (the page shows it now), then approve it or send it back.",
        "An approval named a version of the post older than its last edit.");

    public static readonly ErrorCode ReviewCommentMissing = MidxCode("review_comment_missing",
        "Say what should change before sending the post back.",
        "Write a comment for whoever composed it.",
        "A send-back came without a comment.");

    public static readonly ErrorCode ReviewCommentTooLong = MidxCode("review_comment_too_long",
        "The comment is too long.",
        "Shorten it and send it back again.",
        "A send-back comment was longer than PublishReview.MaxCommentLength.");

    public static readonly ErrorCode NotEditable = MidxCode("not_editable",
        "This post can no longer be edited: Midx is sending it, or it has ended.",
        "Cancel it if it can still be cancelled, and compose a new one.",
        "An edit came for a job that is queued, under way or over, or due within a minute.");

    // The REST API's own refusals (Midx.App/Api), each a problem details response carrying the code.
    public static readonly ErrorCode ApiKeyInvalid = MidxCode("api_key_invalid",
        "The request has no valid API key.",
        "Send a key of the workspace as a bearer token in the Authorization header; an Owner makes keys on the workspace's page.",
        "An API request came without a key, or with one that is malformed, unknown, revoked or expired.");

    public static readonly ErrorCode ApiRateLimited = MidxCode("api_rate_limited",
        "This API key sent more requests than Midx answers in a minute.",
        "Wait for the seconds in the Retry-After header, then send the request again.",
        "An API key reached Midx:Api:RequestsPerMinute.", retryable: true);

    public static readonly ErrorCode ApiInvalidQuery = MidxCode("api_invalid_query",
        "A query parameter of the request is not one Midx understands.",
        "Check the parameter against the API reference at /api/docs.",
        "An API request carried a malformed cursor, state, account or limit.");

    public static readonly ErrorCode ApiNotFound = MidxCode("api_not_found",
        "The workspace of this key has no such item.",
        "Check the id; lists give the ids there are.",
        "An API request named an account or post that is not its key's workspace's.");

    public static readonly ErrorCode UploadAlreadyReceived = MidxCode("upload_already_received",
        "This upload already has its video, or is receiving it right now.",
        "Create a new upload for another video; to post this one, name it in a new post.",
        "A second PUT came for an API upload that was stored or is being written.");

    public static readonly ErrorCode UploadLinkInvalid = MidxCode("upload_link_invalid",
        "This upload link is not valid: it expired, or it was made for another upload or workspace.",
        "Create a new upload and send the bytes to the uploadUrl it gives, within its expiresAt.",
        "An API upload PUT came with a missing, forged or expired upload token.");

    public static readonly ErrorCode ApiInvalidBody = MidxCode("api_invalid_body",
        "The request's body is not what this endpoint reads.",
        "Send JSON as the API reference at /api/docs shows for this request.",
        "An API request's JSON was malformed, or a field was missing or of the wrong kind.");

    public static readonly ErrorCode IdempotencyKeyInvalid = MidxCode("idempotency_key_invalid",
        "The Idempotency-Key header is missing or too long.",
        "Send a unique Idempotency-Key (at most 64 characters) with each new post, and the same one when you send that request again.",
        "A post creation came without an Idempotency-Key, or with one over 64 characters.");

    public static readonly ErrorCode IdempotencyKeyReused = MidxCode("idempotency_key_reused",
        "This Idempotency-Key was used for a different post.",
        "Use a new key for a new post; send the same key only to repeat the very same request.",
        "A post creation reused an Idempotency-Key of this workspace with another body.");

    public static readonly ErrorCode ApiScopeMissing = MidxCode("api_scope_missing",
        "This API key may not do this.",
        "Make a key with the scope the request needs (the API reference names it) on the workspace's page.",
        "An API key called an endpoint whose scope it was not given.");

    /// <summary>The admin filter value and entry for failed jobs that carry no code at all.</summary>
    public static readonly ErrorCode NoCode = new("-", ErrorSource.Midx, null,
        "The post failed and no reason was given.",
        "Try again; if it fails again, tell us.",
        "The job failed without a recorded code. Open an example to read the message in its status history.", false, null);

    /// <summary>Every declared code, <see cref="NoCode"/> included.</summary>
    public static IReadOnlyList<ErrorCode> All => Index.All;

    /// <summary>
    /// The entry for a stored or received code. Unknown codes get an entry of their own that keeps the code as given and
    /// says honestly that Midx does not know it; they are taken for TikTok's, since every Midx code is declared here.
    /// </summary>
    public static ErrorCode Find(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return NoCode;
        }

        if (string.Equals(trimmed, "invalid_param", StringComparison.OrdinalIgnoreCase))
        {
            return InvalidParams;
        }

        return Index.ByValue.TryGetValue(trimmed, out var known)
            ? known
            : new ErrorCode(trimmed, ErrorSource.TikTok, TikTokErrorKind.Unknown,
                $"TikTok refused this ({trimmed}).",
                "Try again; if it keeps happening, tell us the log id below.",
                "A code this version of Midx does not describe yet. " + ExampleHistory, false, null);
    }

    /// <summary>The codes that hold a job until someone acts (<see cref="HoldBlockedJobsCommand"/>).</summary>
    public static bool IsHold(string? code) => Find(code) is var entry && (entry == HeldAccountNeedsReconnect || entry == HeldUserDisabled);

    public static bool IsKnown(string? code) => Find(code) is var entry && entry != NoCode && Index.ByValue.ContainsKey(entry.Value);

    private static ErrorCode TikTokCode(string value, TikTokErrorKind kind, string told, string toDo, string admin, bool retryable = false) =>
        new(value, ErrorSource.TikTok, kind, told, toDo, admin, retryable, null);

    private static ErrorCode MidxCode(string value, string told, string toDo, string admin, bool retryable = false, TikTokErrorKind? kind = null) =>
        new(value, ErrorSource.Midx, kind, told, toDo, admin, retryable, null);

    /// <summary>A submission is refused before anything is stored, so the admin reads the creator's own words.</summary>
    private static ErrorCode SubmissionCode(string value, string field, string told, string toDo) =>
        new(value, ErrorSource.Midx, null, told, toDo, told, false, field);

    /// <summary>Built on first use, after every field above is set; reflection keeps the list from missing a declaration.</summary>
    private static class Index
    {
        public static readonly IReadOnlyList<ErrorCode> All = typeof(ErrorCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorCode))
            .Select(f => (ErrorCode)f.GetValue(null)!)
            .ToArray();

        public static readonly FrozenDictionary<string, ErrorCode> ByValue = All.ToFrozenDictionary(c => c.Value, StringComparer.OrdinalIgnoreCase);
    }
}
