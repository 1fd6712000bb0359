namespace Midx.Core.TikTok;

/// <summary>
/// TikTok's answer to the token endpoint (authorization_code and refresh_token grants,
/// https://developers.tiktok.com/doc/oauth-user-access-token-management): a flat JSON object with no envelope.
/// Lifetimes are whatever TikTok says in <c>expires_in</c>/<c>refresh_expires_in</c>; Midx never assumes one.
/// </summary>
public sealed record TikTokTokenGrant(
    string AccessToken,
    long ExpiresIn,
    string OpenId,
    string RefreshToken,
    long RefreshExpiresIn,
    string Scope,
    string? TokenType)
{
    public IReadOnlyList<string> Scopes => TikTokOptions.SplitScopes(Scope);

    // The generated ToString would print both tokens into any log or exception message that mentions the grant.
    public override string ToString() =>
        $"TikTokTokenGrant {{ OpenId = {OpenId}, Scope = {Scope}, ExpiresIn = {ExpiresIn}, RefreshExpiresIn = {RefreshExpiresIn} }}";
}

/// <summary>The token endpoint's body as sent: success and error fields side by side.</summary>
internal sealed record TikTokTokenResponse(
    string? AccessToken,
    long? ExpiresIn,
    string? OpenId,
    string? RefreshToken,
    long? RefreshExpiresIn,
    string? Scope,
    string? TokenType,
    string? Error,
    string? ErrorDescription,
    string? LogId)
{
    public override string ToString() => $"TikTokTokenResponse {{ OpenId = {OpenId}, Error = {Error}, LogId = {LogId} }}";
}
