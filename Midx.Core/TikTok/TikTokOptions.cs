using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Midx.Core.TikTok;

/// <summary>
/// Settings under <c>TikTok</c>. <see cref="ClientKey"/> and <see cref="ClientSecret"/> come only from environment
/// variables (<c>TikTok__ClientKey</c>, <c>TikTok__ClientSecret</c>) or user-secrets, never from a committed file.
/// In sandbox mode with no client key set, the app fills in the sandbox TikTok's own credentials and base URLs.
/// With neither sandbox mode nor credentials, TikTok features are switched off and the pages say so.
/// </summary>
public sealed class TikTokOptions
{
    public const string Section = "TikTok";

    /// <summary>
    /// The scopes Midx asks for when an account is linked (https://developers.tiktok.com/doc/scopes-overview),
    /// comma-separated as TikTok wants them.
    /// </summary>
    public const string DefaultScopes = "user.info.basic,user.info.profile,video.upload,video.publish,video.list";

    /// <summary>The app's client key from TikTok's developer portal (TikTok's name for a client id).</summary>
    public string ClientKey { get; set; } = "";

    /// <summary>The app's client secret; environment or user-secrets only.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Both credentials are present, so linking and posting can work.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientKey) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>Where the browser is sent to authorize (TikTok serves <c>/v2/auth/authorize/</c> under it).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "TikTok:AuthorizeBaseUrl is required.")]
    public string AuthorizeBaseUrl { get; set; } = "https://www.tiktok.com";

    /// <summary>Where every server API lives (OAuth token/revoke, user info, posting, display).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "TikTok:ApiBaseUrl is required.")]
    public string ApiBaseUrl { get; set; } = "https://open.tiktokapis.com";

    /// <summary>Comma-separated scopes requested on link (<see cref="ScopeList"/> is what is really asked for).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "TikTok:Scopes is required.")]
    public string Scopes { get; set; } = DefaultScopes;

    /// <summary>
    /// The posting boundary of this installation: videos go to TikTok only as drafts to the creator's inbox. Midx then
    /// never asks for <c>video.publish</c> (the Direct Post scope), never offers Direct Post, and refuses one if asked.
    /// </summary>
    public bool InboxDraftsOnly { get; set; }

    /// <summary>
    /// The registered redirect URI, exactly as entered in TikTok's developer portal. Empty means
    /// "this request's origin + /tiktok/callback", which is what the sandbox and local runs use.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>How long a "link a TikTok account" attempt stays valid before its state is refused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "TikTok:LinkStateLifetime must be between 1 and 60 minutes.")]
    public TimeSpan LinkStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time limit for one API call (not a chunk upload).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "TikTok:RequestTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit for one chunk PUT (a chunk is at most ~20 MB with Midx's plan).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "TikTok:UploadChunkTimeout must be between 10 seconds and 1 hour.")]
    public TimeSpan UploadChunkTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a call answered with 429 <c>rate_limit_exceeded</c> is tried again.</summary>
    [Range(0, 5, ErrorMessage = "TikTok:RateLimitRetries must be between 0 and 5.")]
    public int RateLimitRetries { get; set; } = 3;

    /// <summary>First wait after a 429 when TikTok sends no Retry-After; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "TikTok:RateLimitBaseDelay must be at most 1 minute.")]
    public TimeSpan RateLimitBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest single wait after a 429. TikTok's windows are one minute
    /// (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit); a longer Retry-After is not waited out in-line:
    /// the 429 is returned to the caller, which reschedules.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:02:00", ErrorMessage = "TikTok:RateLimitMaxDelay must be at most 2 minutes.")]
    public TimeSpan RateLimitMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often the background refresher looks for tokens that are due. Its heartbeat carries this interval, and the
    /// admin console judges it against it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "TikTok:RefreshSweepInterval must be between 1 second and 1 minute.")]
    public TimeSpan RefreshSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of an access token's lifetime (from <c>expires_in</c>) after which it is refreshed.</summary>
    [Range(0.1, 0.95, ErrorMessage = "TikTok:RefreshAtLifetimeFraction must be between 0.1 and 0.95.")]
    public double RefreshAtLifetimeFraction { get; set; } = 0.8;

    /// <summary>First wait after a refresh failed for a transient reason (5xx, timeout); doubles per failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "TikTok:RefreshRetryBaseDelay must be between 1 second and 1 hour.")]
    public TimeSpan RefreshRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between refresh attempts after repeated transient failures.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "TikTok:RefreshRetryMaxDelay must be between 1 second and 6 hours.")]
    public TimeSpan RefreshRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The scopes asked for when an account is linked: <see cref="Scopes"/>, without Direct Post's when drafts are the boundary.</summary>
    public IReadOnlyList<string> ScopeList => ScopesFor(workspaceInboxDraftsOnly: false);

    /// <summary>Whether drafts are the posting boundary in a workspace: the installation's, or the workspace's own.</summary>
    public bool InboxDraftsOnlyIn(bool workspaceInboxDraftsOnly) => InboxDraftsOnly || workspaceInboxDraftsOnly;

    /// <summary>The scopes asked for when an account is linked into a workspace, whose own boundary may be inbox drafts too.</summary>
    public IReadOnlyList<string> ScopesFor(bool workspaceInboxDraftsOnly) => SplitScopes(Scopes)
        .Where(s => !InboxDraftsOnlyIn(workspaceInboxDraftsOnly) || !string.Equals(s, TikTokScopes.VideoPublish, StringComparison.OrdinalIgnoreCase))
        .ToList();

    public static IReadOnlyList<string> SplitScopes(string? scopes) =>
        (scopes ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Cross-field checks ValidateDataAnnotations cannot express; null when valid.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(ClientKey) != string.IsNullOrWhiteSpace(ClientSecret))
        {
            return "TikTok needs both TikTok:ClientKey and TikTok:ClientSecret (or neither, to switch TikTok off): set them with "
                + "user-secrets or the TikTok__ClientKey and TikTok__ClientSecret environment variables.";
        }

        if (!IsHttpUrl(AuthorizeBaseUrl))
        {
            return "TikTok:AuthorizeBaseUrl must be an absolute http(s) URL.";
        }

        if (!IsHttpUrl(ApiBaseUrl))
        {
            return "TikTok:ApiBaseUrl must be an absolute http(s) URL.";
        }

        if (!string.IsNullOrWhiteSpace(RedirectUri) && !IsHttpUrl(RedirectUri))
        {
            return "TikTok:RedirectUri must be an absolute http(s) URL when it is set.";
        }

        if (InboxDraftsOnly && !ScopeList.Contains(TikTokScopes.VideoUpload, StringComparer.OrdinalIgnoreCase))
        {
            return $"TikTok:InboxDraftsOnly sends every video as an inbox draft, which needs the {TikTokScopes.VideoUpload} scope in TikTok:Scopes.";
        }

        return ScopeList.Count == 0 ? "TikTok:Scopes must name at least one scope." : null;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>Runs <see cref="TikTokOptions.Problem"/> at start-up so a bad URL or empty scope list names its key.</summary>
public sealed class TikTokOptionsValidator : IValidateOptions<TikTokOptions>
{
    public ValidateOptionsResult Validate(string? name, TikTokOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
