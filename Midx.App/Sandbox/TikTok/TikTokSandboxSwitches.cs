using System.Text.Json.Serialization;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The sandbox's behaviour switches, for places where TikTok's documentation and observed behaviour disagree (or the
/// documentation is silent), so tests can run Midx against each reading. Immutable: <see cref="TikTokSandbox"/> swaps
/// the whole record atomically when a test changes a switch.
/// </summary>
public sealed record TikTokSandboxSwitches
{
    /// <summary>
    /// Optional by default: TikTok's web Login Kit lists no PKCE parameters (https://developers.tiktok.com/doc/login-kit-web)
    /// and its token endpoint needs <c>code_verifier</c> "for mobile and desktop app only"
    /// (https://developers.tiktok.com/doc/oauth-user-access-token-management).
    /// </summary>
    public PkceMode PkceMode { get; init; } = PkceMode.Optional;

    /// <summary>
    /// OAuth token/revoke errors answer HTTP 200 instead of 400 (TikTok does not document the status).
    /// </summary>
    public bool OAuthErrorsAsHttp200 { get; init; }

    /// <summary>A redirect_uri mismatch on the code exchange is <c>invalid_request</c> (TikTok's own example) instead of <c>invalid_grant</c>.</summary>
    public bool RedirectMismatchAsInvalidRequest { get; init; }

    public TokenProfile TokenProfile { get; init; } = TokenProfile.Classic24h365d;

    public bool RotateRefreshTokens { get; init; } = true;

    /// <summary>
    /// The previous refresh token stops working once a new one is issued (TikTok's 2026 wording,
    /// https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token).
    /// </summary>
    public bool InvalidatePreviousRefreshToken { get; init; } = true;

    public int AuthorizationCodeTtlSeconds { get; init; } = 600;

    public ErrorCodeSpelling ErrorCodeSpelling { get; init; } = ErrorCodeSpelling.InvalidParams;

    /// <summary>
    /// <c>access_token_invalid</c> and <c>scope_not_authorized</c> arrive with HTTP 200 (reported by integrators;
    /// TikTok documents 401).
    /// </summary>
    public bool AuthErrorsAsHttp200 { get; init; }

    /// <summary>Bytes in TikTok's "MB" for the chunk rules: 1,048,576 (default) or 1,000,000.</summary>
    public long MbUnit { get; init; } = ChunkRules.MebiByte;

    /// <summary>
    /// Whether the sandbox app has passed TikTok's audit. A new TikTok client starts unaudited, but
    /// Midx needs Direct Post to a public account to be usable in the sandbox, so the sandbox starts audited; tests turn
    /// this off to exercise <c>unaudited_client_can_only_post_to_private_accounts</c>.
    /// </summary>
    public bool Audited { get; init; } = true;

    /// <summary>Distinct creators that may publish through this client per 24 h; null means 5 when unaudited, no cap when audited.</summary>
    public int? ActiveUserCap { get; init; }

    public int PostCapPerCreator { get; init; } = 15;

    public int PendingShareCap { get; init; } = 5;

    public UnauditedNonSelfOnly UnauditedNonSelfOnly { get; init; } = UnauditedNonSelfOnly.ForceSelfOnly;

    public BrandedSelfOnly BrandedSelfOnly { get; init; } = BrandedSelfOnly.Accept;

    /// <summary>Time from upload complete (or init, for PULL_FROM_URL) to the terminal status.</summary>
    public double ProcessingDelaySeconds { get; init; } = 3;

    /// <summary>Time from PUBLISH_COMPLETE of a public post to its post id appearing.</summary>
    public double ModerationDelaySeconds { get; init; } = 5;

    public int UploadUrlTtlSeconds { get; init; } = 3600;

    /// <summary>PULL_FROM_URL prefixes verified in the (pretend) developer portal.</summary>
    public IReadOnlyList<string> VerifiedUrlPrefixes { get; init; } = ["https://media.sandbox.midx.test/"];

    public bool EnforceRateLimits { get; init; } = true;

    [JsonIgnore]
    public (TimeSpan Access, TimeSpan Refresh) TokenLifetimes => TokenProfile switch
    {
        TokenProfile.New2h180d => (TimeSpan.FromSeconds(7200), TimeSpan.FromSeconds(15_552_000)),
        _ => (TimeSpan.FromSeconds(86_400), TimeSpan.FromSeconds(31_536_000)),
    };

    [JsonIgnore]
    public int? EffectiveActiveUserCap => ActiveUserCap ?? (Audited ? null : 5);

    [JsonIgnore]
    public string InvalidParamsCode => ErrorCodeSpelling == ErrorCodeSpelling.InvalidParam ? "invalid_param" : "invalid_params";

    public IEnumerable<string> Problems()
    {
        if (MbUnit is not (ChunkRules.MebiByte or ChunkRules.MegaByte))
        {
            yield return "mbUnit must be 1048576 or 1000000.";
        }

        if (AuthorizationCodeTtlSeconds <= 0 || UploadUrlTtlSeconds <= 0)
        {
            yield return "TTLs must be positive.";
        }

        if (ProcessingDelaySeconds < 0 || ModerationDelaySeconds < 0)
        {
            yield return "Delays must not be negative.";
        }

        if (PostCapPerCreator < 0 || PendingShareCap < 0 || ActiveUserCap < 0)
        {
            yield return "Caps must not be negative.";
        }
    }
}

public enum PkceMode
{
    /// <summary>PKCE may be omitted; when a challenge was sent the verifier must match its hex SHA-256.</summary>
    Optional,

    /// <summary>The authorize page refuses requests without <c>code_challenge</c>.</summary>
    Required,

    /// <summary>Like Optional, and an RFC 7636 base64url challenge is accepted too.</summary>
    AcceptBase64Url,
}

public enum TokenProfile
{
    /// <summary>Access 24 h, refresh 365 days (classic docs).</summary>
    Classic24h365d,

    /// <summary>Access 2 h, refresh 180 days (2026 docs).</summary>
    New2h180d,
}

public enum ErrorCodeSpelling
{
    InvalidParams,
    InvalidParam,
}

public enum UnauditedNonSelfOnly
{
    ForceSelfOnly,
    Reject,
}

public enum BrandedSelfOnly
{
    Accept,
    Reject,
}
