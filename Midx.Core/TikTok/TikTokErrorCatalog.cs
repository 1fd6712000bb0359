using System.Collections.Frozen;

namespace Midx.Core.TikTok;

/// <summary>
/// The one place that knows every error code TikTok documents and what it means for a creator. Codes are compared
/// without regard to case, and <c>invalid_param</c> is the same as <c>invalid_params</c>: TikTok's Direct Post
/// reference spells it one way and its servers the other.
/// </summary>
public static class TikTokErrorCatalog
{
    public const string Ok = "ok";

    // Generic API v2 (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).
    public const string AccessTokenInvalid = "access_token_invalid";
    public const string InternalError = "internal_error";
    public const string InvalidFileUpload = "invalid_file_upload";
    public const string InvalidParams = "invalid_params";
    public const string InvalidParam = "invalid_param";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string ScopeNotAuthorized = "scope_not_authorized";
    public const string ScopePermissionMissed = "scope_permission_missed";

    // Posting: the creator_info, Direct Post, upload, photo and media transfer pages, e.g.
    // https://developers.tiktok.com/doc/content-posting-api-reference-direct-post.
    public const string SpamRiskTooManyPosts = "spam_risk_too_many_posts";
    public const string SpamRiskUserBannedFromPosting = "spam_risk_user_banned_from_posting";
    public const string ReachedActiveUserCap = "reached_active_user_cap";
    public const string UnauditedClientCanOnlyPostToPrivateAccounts = "unaudited_client_can_only_post_to_private_accounts";
    public const string UrlOwnershipUnverified = "url_ownership_unverified";
    public const string PrivacyLevelOptionMismatch = "privacy_level_option_mismatch";
    public const string SpamRiskTooManyPendingShare = "spam_risk_too_many_pending_share";
    public const string AppVersionCheckFailed = "app_version_check_failed";
    public const string InvalidPublishId = "invalid_publish_id";
    public const string TokenNotAuthorizedForSpecifiedPublishId = "token_not_authorized_for_specified_publish_id";
    public const string PublishNotCancellable = "publish_not_cancellable";

    // Status fail_reason values (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
    public const string FileFormatCheckFailed = "file_format_check_failed";
    public const string DurationCheckFailed = "duration_check_failed";
    public const string FrameRateCheckFailed = "frame_rate_check_failed";
    public const string PictureSizeCheckFailed = "picture_size_check_failed";
    public const string Internal = "internal";
    public const string VideoPullFailed = "video_pull_failed";
    public const string PhotoPullFailed = "photo_pull_failed";
    public const string PublishCancelled = "publish_cancelled";
    public const string AuthRemoved = "auth_removed";
    public const string SpamRiskText = "spam_risk_text";
    public const string SpamRisk = "spam_risk";

    // OAuth (https://developers.tiktok.com/doc/oauth-error-handling).
    public const string AccessDenied = "access_denied";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string InvalidRequest = "invalid_request";
    public const string InvalidScope = "invalid_scope";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string UnsupportedResponseType = "unsupported_response_type";
    public const string ServerError = "server_error";
    public const string TemporarilyUnavailable = "temporarily_unavailable";

    /// <summary>Midx's own code for an answer that is not TikTok's documented shape (an HTML gateway page, say).</summary>
    public const string UnexpectedResponse = "unexpected_response";

    private const string ReconnectAdvice = "Reconnect the account on the Accounts page and keep every permission ticked.";

    private static readonly FrozenDictionary<string, TikTokErrorDescription> Entries = new Dictionary<string, TikTokErrorDescription>
    {
        [AccessTokenInvalid] = new(TikTokErrorKind.Auth,
            "TikTok did not accept Midx's sign-in for this account. Midx refreshes it and tries again; if this keeps happening, reconnect the account."),
        [InternalError] = new(TikTokErrorKind.Transient,
            "TikTok had a problem on its side. Midx will try again shortly."),
        [InvalidFileUpload] = new(TikTokErrorKind.Content,
            "TikTok could not accept the uploaded file. Use an MP4, MOV or WebM video and try again."),
        [InvalidParams] = new(TikTokErrorKind.Content,
            "TikTok rejected some of the post's settings. Check TikTok's message below, change the post and try again."),
        [RateLimitExceeded] = new(TikTokErrorKind.Transient,
            "TikTok is receiving too many requests for this account right now. Midx waits a moment and tries again."),
        [ScopeNotAuthorized] = new(TikTokErrorKind.Reconnect,
            "This TikTok account has not given Midx the permission this needs. " + ReconnectAdvice),
        [ScopePermissionMissed] = new(TikTokErrorKind.Reconnect,
            "TikTok needs an extra permission for this that the account did not grant. " + ReconnectAdvice),

        [SpamRiskTooManyPosts] = new(TikTokErrorKind.Quota,
            "This TikTok account has reached TikTok's daily limit for posts made through apps. Try again in 24 hours."),
        [SpamRiskUserBannedFromPosting] = new(TikTokErrorKind.AccountState,
            "TikTok has blocked this account from making new posts. Open the TikTok app to see why."),
        [ReachedActiveUserCap] = new(TikTokErrorKind.Quota,
            "Midx has reached TikTok's daily limit on how many creators can post through it. Try again tomorrow; nothing is wrong with your account."),
        [UnauditedClientCanOnlyPostToPrivateAccounts] = new(TikTokErrorKind.AccountState,
            "Until TikTok finishes reviewing Midx, it can only post to private accounts. In the TikTok app, set this account to Private (Settings and privacy › Privacy › Private account), then try again."),
        [UrlOwnershipUnverified] = new(TikTokErrorKind.OperatorConfig,
            "TikTok could not confirm that Midx owns the address the video would be fetched from. Send the file itself instead; Midx's operators have been told."),
        [PrivacyLevelOptionMismatch] = new(TikTokErrorKind.Content,
            "The chosen audience is not available for this account. Choose who can view the video again."),
        [SpamRiskTooManyPendingShare] = new(TikTokErrorKind.Quota,
            "This account already has 5 drafts from apps waiting in its TikTok inbox in the last 24 hours. Open TikTok, post or delete those drafts, then try again."),
        [AppVersionCheckFailed] = new(TikTokErrorKind.AccountState,
            "The TikTok app on your phone is too old for this. Update TikTok, then try again."),
        [InvalidPublishId] = new(TikTokErrorKind.StatusLookup,
            "TikTok no longer knows this upload, so Midx shows the last status it recorded."),
        [TokenNotAuthorizedForSpecifiedPublishId] = new(TikTokErrorKind.StatusLookup,
            "This upload belongs to a different TikTok account than the one Midx asked with, so Midx shows the last status it recorded."),
        [PublishNotCancellable] = new(TikTokErrorKind.StatusLookup,
            "TikTok can no longer cancel this upload; it has gone too far."),

        [FileFormatCheckFailed] = new(TikTokErrorKind.Content,
            "TikTok could not read the video's format. Use an MP4 (H.264) file and try again."),
        [DurationCheckFailed] = new(TikTokErrorKind.Content,
            "The video is too long or too short for this account on TikTok. Trim it and try again."),
        [FrameRateCheckFailed] = new(TikTokErrorKind.Content,
            "TikTok accepts videos between 23 and 60 frames per second. Export the video at a supported frame rate and try again."),
        [PictureSizeCheckFailed] = new(TikTokErrorKind.Content,
            "TikTok accepts videos between 360 and 4096 pixels on each side. Resize the video and try again."),
        [Internal] = new(TikTokErrorKind.Transient,
            "TikTok had a problem processing the video on its side. Trying again usually works."),
        [VideoPullFailed] = new(TikTokErrorKind.Transient,
            "TikTok could not download the video from its address in time. Try again, or send the file itself."),
        [PhotoPullFailed] = new(TikTokErrorKind.Transient,
            "TikTok could not download the photos in time. Try again."),
        [PublishCancelled] = new(TikTokErrorKind.Content,
            "The upload was cancelled before TikTok finished it."),
        [AuthRemoved] = new(TikTokErrorKind.Reconnect,
            "Midx's access was removed in TikTok while the video was processing. Reconnect the account to post again."),
        [SpamRiskText] = new(TikTokErrorKind.Content,
            "TikTok flagged the caption as possible spam. Change the caption and try again."),
        [SpamRisk] = new(TikTokErrorKind.Content,
            "TikTok flagged this post as risky and did not publish it."),

        [AccessDenied] = new(TikTokErrorKind.Declined,
            "You declined on TikTok's page, so no account was linked. You can try again whenever you like."),
        [InvalidClient] = new(TikTokErrorKind.OperatorConfig,
            "TikTok did not recognise Midx's app credentials. This is a problem on our side; please tell us."),
        [InvalidGrant] = new(TikTokErrorKind.Reconnect,
            "TikTok no longer accepts this account's saved sign-in. " + ReconnectAdvice),
        [InvalidRequest] = new(TikTokErrorKind.OperatorConfig,
            "TikTok rejected Midx's sign-in request. Please try again; if it happens again, tell us."),
        [InvalidScope] = new(TikTokErrorKind.OperatorConfig,
            "TikTok refused one of the permissions Midx asked for. This is a problem on our side; please tell us."),
        [UnauthorizedClient] = new(TikTokErrorKind.OperatorConfig,
            "TikTok has not allowed Midx to do this yet. This is a problem on our side; please tell us."),
        [UnsupportedGrantType] = new(TikTokErrorKind.OperatorConfig,
            "TikTok refused how Midx asked for a sign-in. This is a problem on our side; please tell us."),
        [UnsupportedResponseType] = new(TikTokErrorKind.OperatorConfig,
            "TikTok refused how Midx asked for a sign-in. This is a problem on our side; please tell us."),
        [ServerError] = new(TikTokErrorKind.Transient,
            "TikTok had a problem on its side. Please try again in a moment."),
        [TemporarilyUnavailable] = new(TikTokErrorKind.Transient,
            "TikTok is temporarily unavailable. Please try again in a moment."),

        [UnexpectedResponse] = new(TikTokErrorKind.Transient,
            "TikTok sent an answer Midx could not read. Midx will try again shortly."),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code this catalogue knows, singular <c>invalid_param</c> included.</summary>
    public static IEnumerable<string> KnownCodes => Entries.Keys.Append(InvalidParam);

    public static bool IsKnown(string code) => Entries.ContainsKey(Normalize(code));

    /// <summary>What a code means and what to tell the creator. Unknown codes are described, never thrown.</summary>
    public static TikTokErrorDescription Describe(string code) =>
        Entries.TryGetValue(Normalize(code), out var entry)
            ? entry
            : new TikTokErrorDescription(TikTokErrorKind.Unknown, $"TikTok refused this ({code}). Try again; if it keeps happening, tell us the log id below.");

    internal static string Normalize(string code) =>
        string.Equals(code?.Trim(), InvalidParam, StringComparison.OrdinalIgnoreCase) ? InvalidParams : code?.Trim().ToLowerInvariant() ?? "";
}

/// <summary>How Midx classifies one TikTok error code and what it tells the creator.</summary>
public sealed record TikTokErrorDescription(TikTokErrorKind Kind, string UserMessage);
