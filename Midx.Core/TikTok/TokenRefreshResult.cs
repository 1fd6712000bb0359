namespace Midx.Core.TikTok;

/// <summary>
/// The outcome of making sure an account has a usable access token. <see cref="AccessToken"/> is set whenever one
/// can be used now, including after a transient failure while the current token is still valid.
/// </summary>
public sealed record TokenRefreshResult(TokenRefreshOutcome Outcome, string? AccessToken, string? Problem, TikTokError? Error)
{
    public bool HasAccessToken => AccessToken is not null;

    public override string ToString() => $"TokenRefreshResult {{ Outcome = {Outcome}, HasAccessToken = {HasAccessToken}, Error = {Error?.Code} }}";
}

public enum TokenRefreshOutcome
{
    /// <summary>TikTok issued new tokens; they are saved.</summary>
    Refreshed,

    /// <summary>No refresh was due (or another refresh just finished); the saved token is good.</summary>
    StillFresh,

    /// <summary>TikTok could not be reached or failed on its side; tried again later, the account stays usable.</summary>
    Postponed,

    /// <summary>The grant is gone (invalid_grant, expired refresh token, unreadable ciphertext): the creator must reconnect.</summary>
    NeedsReconnect,

    /// <summary>No such account (disconnected meanwhile).</summary>
    NotFound,
}

/// <summary>Why a token is being looked at: the background schedule, or a call about to use it.</summary>
public enum TokenRefreshReason
{
    /// <summary>Refresh when the account's scheduled time (a share of <c>expires_in</c>) has come.</summary>
    Scheduled,

    /// <summary>
    /// Refresh when fewer than five minutes are left, so no call starts with a token about to expire.
    /// </summary>
    BeforeUse,

    /// <summary>
    /// TikTok refused an access token that had just been renewed (<c>access_token_invalid</c> twice). TikTok's advice
    /// is to refresh and retry (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling), which has been done,
    /// so the grant no longer works and the account is marked "needs reconnect" without another refresh.
    /// </summary>
    RefusedAfterRenewal,
}
