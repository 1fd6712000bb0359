using Microsoft.AspNetCore.WebUtilities;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The parameters of <c>GET /v2/auth/authorize/</c> (https://developers.tiktok.com/doc/login-kit-web). The consent
/// form carries them back as hidden fields, and they are validated again on the way back: the form is not trusted.
/// </summary>
public sealed record AuthorizeRequest(
    string? ClientKey,
    string? Scope,
    string? RedirectUri,
    string? State,
    string? ResponseType,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? DisableAutoAuth)
{
    public static readonly IReadOnlyList<string> FieldNames =
        ["client_key", "scope", "redirect_uri", "state", "response_type", "code_challenge", "code_challenge_method", "disable_auto_auth"];

    public IReadOnlyList<string> Scopes => TikTokScopes.Parse(Scope);

    public static AuthorizeRequest From(Func<string, string?> read) => new(
        read("client_key"), read("scope"), read("redirect_uri"), read("state"), read("response_type"),
        read("code_challenge"), read("code_challenge_method"), read("disable_auto_auth"));

    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        string?[] values = [ClientKey, Scope, RedirectUri, State, ResponseType, CodeChallenge, CodeChallengeMethod, DisableAutoAuth];
        for (var i = 0; i < FieldNames.Count; i++)
        {
            if (values[i] is { } value)
            {
                yield return new(FieldNames[i], value);
            }
        }
    }

    /// <summary>
    /// The parameter TikTok would name on its "Something went wrong … correct the following" page, or null when the
    /// request is good. Such errors never redirect: the redirect URI itself may be the problem.
    /// </summary>
    public string? InvalidParameter(TikTokSandbox sandbox)
    {
        if (!sandbox.IsClient(ClientKey))
        {
            return "client_key";
        }

        if (!TikTokFixtures.IsRegisteredRedirectUri(RedirectUri))
        {
            return "redirect_uri";
        }

        if (ResponseType != "code")
        {
            return "response_type";
        }

        if (Scopes.Count == 0 || !Scopes.All(TikTokScopes.IsKnown))
        {
            return "scope";
        }

        if (string.IsNullOrEmpty(State))
        {
            return "state";
        }

        if (DisableAutoAuth is not (null or "0" or "1"))
        {
            return "disable_auto_auth";
        }

        if (string.IsNullOrEmpty(CodeChallenge))
        {
            if (sandbox.Switches.PkceMode == PkceMode.Required)
            {
                return "code_challenge";
            }

            return CodeChallengeMethod is null ? null : "code_challenge";
        }

        return CodeChallengeMethod == "S256" ? null : "code_challenge_method";
    }

    public string Approve(TikTokSandbox sandbox, SandboxCreator creator, IReadOnlyList<string> grantedScopes)
    {
        var grant = new AuthorizationCodeGrant(ClientKey!, RedirectUri!, creator.OpenId, grantedScopes, string.IsNullOrEmpty(CodeChallenge) ? null : CodeChallenge);
        var code = sandbox.Codes.Issue(grant, sandbox.Now, TimeSpan.FromSeconds(sandbox.Switches.AuthorizationCodeTtlSeconds));
        return QueryHelpers.AddQueryString(RedirectUri!, new Dictionary<string, string?>
        {
            ["code"] = code,
            ["scopes"] = string.Join(',', grantedScopes),
            ["state"] = State,
        });
    }

    public string Deny() => QueryHelpers.AddQueryString(RedirectUri!, new Dictionary<string, string?>
    {
        ["error"] = "access_denied",
        ["error_description"] = "The user denied the authorization request.",
        ["state"] = State,
    });

    /// <summary>
    /// The scopes the consent page offers: those requested, and <c>user.info.basic</c> even when not requested, because
    /// Login Kit grants basic user data with every authorization (https://developers.tiktok.com/doc/login-kit-overview,
    /// https://developers.tiktok.com/doc/scopes-overview).
    /// </summary>
    public IReadOnlyList<string> Offered =>
        Scopes.Contains(TikTokScopes.UserInfoBasic) ? Scopes : [TikTokScopes.UserInfoBasic, .. Scopes];

    /// <summary>Offered scopes the person kept: untoggleable ones always, toggleable ones only if ticked.</summary>
    public IReadOnlyList<string> Granted(IEnumerable<string> ticked)
    {
        var kept = ticked.ToHashSet(StringComparer.Ordinal);
        return Offered.Where(s => kept.Contains(s) || TikTokScopes.All.Any(d => d.Name == s && !d.Toggleable)).ToList();
    }
}
