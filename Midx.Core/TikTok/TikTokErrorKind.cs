namespace Midx.Core.TikTok;

/// <summary>
/// What Midx does about a TikTok error. The grouping is Midx's own, by who can fix it and when; TikTok only lists the
/// codes (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).
/// </summary>
public enum TikTokErrorKind
{
    /// <summary>The access token was refused: refresh once and replay, then ask to reconnect.</summary>
    Auth,

    /// <summary>The grant itself is gone or too narrow: the account needs reconnecting.</summary>
    Reconnect,

    /// <summary>TikTok is busy or failed on its side: back off and try again.</summary>
    Transient,

    /// <summary>A 24-hour cap was reached: no automatic retry now; reschedule.</summary>
    Quota,

    /// <summary>The creator's account or Midx's app is in a state the creator must change.</summary>
    AccountState,

    /// <summary>The post itself (file, caption, settings) must be changed.</summary>
    Content,

    /// <summary>Midx's own configuration is wrong (client credentials, verified domains).</summary>
    OperatorConfig,

    /// <summary>A publish_id lookup failed; Midx's own journal is the source of truth.</summary>
    StatusLookup,

    /// <summary>The person said no on TikTok's consent page.</summary>
    Declined,

    /// <summary>A code TikTok has not documented.</summary>
    Unknown,
}
