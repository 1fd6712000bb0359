using Microsoft.AspNetCore.WebUtilities;
using Midx.App.Accounts;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// The parameters of an authorization request, as Google receives them in the query string and as the chooser page
/// carries them in hidden fields back to itself. <see cref="Problem"/> checks them the way Google does.
/// </summary>
public sealed record SandboxGoogleAuthorizeRequest(
    string? ClientId,
    string? RedirectUri,
    string? ResponseType,
    string? Scope,
    string? State,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? Prompt,
    string? Nonce,
    string? AccessType)
{
    public static readonly string[] FieldNames =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method", "prompt", "nonce", "access_type"];

    /// <summary>
    /// The OpenID Connect scopes Google grants for sign-in
    /// (https://developers.google.com/identity/openid-connect/openid-connect#scope-param).
    /// </summary>
    public static readonly string[] SupportedScopes = ["openid", "email", "profile"];

    /// <summary>
    /// access_type=offline asks for a refresh token along with the first access token
    /// (https://developers.google.com/identity/protocols/oauth2/web-server#offline).
    /// </summary>
    public bool Offline => string.Equals(AccessType, "offline", StringComparison.Ordinal);

    /// <summary>The requested scopes, each once, in the order asked for.</summary>
    public IReadOnlyList<string> Scopes => (Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    public static SandboxGoogleAuthorizeRequest From(Func<string, string?> read) => new(
        read("client_id"), read("redirect_uri"), read("response_type"), read("scope"), read("state"),
        read("code_challenge"), read("code_challenge_method"), read("prompt"), read("nonce"), read("access_type"));

    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        string?[] values = [ClientId, RedirectUri, ResponseType, Scope, State, CodeChallenge, CodeChallengeMethod, Prompt, Nonce, AccessType];
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (values[i] is { } value)
            {
                yield return new KeyValuePair<string, string>(FieldNames[i], value);
            }
        }
    }

    /// <summary>
    /// The redirect URI Google would have on file for Midx: this site's own callback, on the host the browser used.
    /// A request naming any other URI is refused without redirecting, exactly as Google refuses it.
    /// </summary>
    public static string RegisteredRedirectUri(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{AccountRegistration.CallbackPath}";

    /// <summary>Null when Google would show the chooser; otherwise Google's error code and what it means.</summary>
    public (string Error, string Detail)? Problem(SandboxGoogleOptions client, HttpRequest request)
    {
        if (!string.Equals(ClientId, client.ClientId, StringComparison.Ordinal))
        {
            return ("invalid_client", "The OAuth client was not found.");
        }

        if (!string.Equals(RedirectUri, RegisteredRedirectUri(request), StringComparison.Ordinal))
        {
            return ("redirect_uri_mismatch", "The redirect URI in the request does not match the ones registered for this client.");
        }

        if (!string.Equals(ResponseType, "code", StringComparison.Ordinal))
        {
            return ("unsupported_response_type", "Only the authorization code flow (response_type=code) is supported.");
        }

        if (Scopes.Count == 0)
        {
            return ("invalid_request", "Missing required parameter: scope");
        }

        if (Scopes.FirstOrDefault(scope => !SupportedScopes.Contains(scope)) is { } unknown)
        {
            return ("invalid_scope", $"Some requested scopes were invalid: {unknown}");
        }

        if (string.IsNullOrEmpty(State))
        {
            return ("invalid_request", "The state parameter is missing; Midx always sends one.");
        }

        // PKCE is optional at Google; when a challenge is sent its method must be one Google knows (plain by default).
        if (!string.IsNullOrEmpty(CodeChallenge) && !SandboxGooglePkce.IsSupportedMethod(CodeChallengeMethod))
        {
            return ("invalid_request", "Invalid code_challenge_method: only plain and S256 are supported.");
        }

        return null;
    }

    public string RedirectWith(IDictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString(RedirectUri!, parameters);
}
