namespace Midx.Core.TikTok;

/// <summary>
/// How a "link a TikTok account" callback ended; pages turn <see cref="Outcome"/> into words. <see cref="ConnectLinkId"/> is
/// set when the link was started from a hosted connect link, whose app is then told the outcome.
/// </summary>
public sealed record TikTokLinkResult(
    TikTokLinkOutcome Outcome,
    Guid? AccountId = null,
    string? Username = null,
    IReadOnlyList<TikTokScopeUse>? MissingScopes = null,
    TikTokError? Error = null,
    Guid? ConnectLinkId = null)
{
    public bool Succeeded => Outcome is TikTokLinkOutcome.Linked or TikTokLinkOutcome.Updated;
}

public enum TikTokLinkOutcome
{
    Linked,
    Updated,

    /// <summary>No state, an unknown or used state, or a state started by someone else (possible forgery).</summary>
    InvalidState,
    Expired,
    Declined,

    /// <summary>TikTok said no (callback <c>error</c> other than access_denied, or the code exchange failed).</summary>
    TikTokRefused,
    Unreachable,

    /// <summary>This TikTok account is linked to another Midx user.</summary>
    LinkedElsewhere,

    /// <summary>A signed-in person's state came back without a session: it waits, unused, for them to sign in.</summary>
    SignInRequired,

    /// <summary>The hosted connect link it was started from was spent by another answer from TikTok first.</summary>
    AlreadyUsed,
}

/// <summary>
/// The query TikTok sends back to the redirect URI (https://developers.tiktok.com/doc/login-kit-web): <c>code</c>,
/// <c>scopes</c>, <c>state</c>, or <c>error</c>.
/// </summary>
public sealed record TikTokLinkCallback(string? State, string? Code, string? Scopes, string? Error, string? ErrorDescription)
{
    public override string ToString() => $"TikTokLinkCallback {{ HasCode = {Code is not null}, Scopes = {Scopes}, Error = {Error} }}";
}
