using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// The stand-in Google's memory: authorization codes (single use, short-lived, bound to client, redirect URI and
/// PKCE challenge when one was sent), access tokens (bound to the identity, good for an hour) and refresh tokens.
/// In memory only: a restart signs no one out of Midx, it only voids codes in flight, as a Google outage would.
/// </summary>
public sealed class SandboxGoogleGrants(TimeProvider time, IOptions<SandboxGoogleOptions> options)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(3599);

    private readonly ConcurrentDictionary<string, SandboxGoogleCodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxGoogleAccessGrant> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxGoogleRefreshGrant> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>A code for the (already checked) request; its scope is the requested scopes, each once.</summary>
    public string IssueCode(SandboxGoogleAuthorizeRequest request, SandboxGoogleIdentity identity)
    {
        Prune();
        var code = "4/sandbox-" + RandomToken();
        var expiresAt = time.GetUtcNow().AddSeconds(options.Value.CodeLifetimeSeconds);
        _codes[code] = new SandboxGoogleCodeGrant(
            request.ClientId!, request.RedirectUri!, string.IsNullOrEmpty(request.CodeChallenge) ? null : request.CodeChallenge,
            request.CodeChallengeMethod, string.Join(' ', request.Scopes), request.Nonce, request.Offline, identity, expiresAt);
        return code;
    }

    /// <summary>
    /// Takes the code out whatever happens next, so it is good for exactly one exchange attempt. Null when the code
    /// is unknown, already used or expired.
    /// </summary>
    public SandboxGoogleCodeGrant? Redeem(string code) =>
        _codes.TryRemove(code, out var grant) && grant.ExpiresAt > time.GetUtcNow() ? grant : null;

    public string IssueAccessToken(SandboxGoogleIdentity identity, string scope)
    {
        var token = "ya29.sandbox-" + RandomToken();
        _tokens[token] = new SandboxGoogleAccessGrant(identity, scope, time.GetUtcNow().Add(AccessTokenLifetime));
        return token;
    }

    /// <summary>
    /// A refresh token, as Google issues one for access_type=offline: it does not expire on its own, so it is kept
    /// for the life of the process (https://developers.google.com/identity/protocols/oauth2/web-server#offline).
    /// </summary>
    public string IssueRefreshToken(string clientId, SandboxGoogleIdentity identity, string scope)
    {
        var token = "1//sandbox-" + RandomToken();
        _refreshTokens[token] = new SandboxGoogleRefreshGrant(clientId, identity, scope);
        return token;
    }

    public SandboxGoogleRefreshGrant? FindRefreshToken(string token) => _refreshTokens.GetValueOrDefault(token);

    public SandboxGoogleAccessGrant? FindAccessToken(string token) =>
        _tokens.TryGetValue(token, out var grant) && grant.ExpiresAt > time.GetUtcNow() ? grant : null;

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (code, grant) in _codes)
        {
            if (grant.ExpiresAt <= now)
            {
                _codes.TryRemove(code, out _);
            }
        }

        foreach (var (token, grant) in _tokens)
        {
            if (grant.ExpiresAt <= now)
            {
                _tokens.TryRemove(token, out _);
            }
        }
    }

    private static string RandomToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}

public sealed record SandboxGoogleCodeGrant(
    string ClientId,
    string RedirectUri,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string Scope,
    string? Nonce,
    bool Offline,
    SandboxGoogleIdentity Identity,
    DateTimeOffset ExpiresAt);

public sealed record SandboxGoogleAccessGrant(SandboxGoogleIdentity Identity, string Scope, DateTimeOffset ExpiresAt);

public sealed record SandboxGoogleRefreshGrant(string ClientId, SandboxGoogleIdentity Identity, string Scope);
