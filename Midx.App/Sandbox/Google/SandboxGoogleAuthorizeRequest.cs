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
    string? Prompt)
{
    public static readonly string[] FieldNames =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method", "prompt"];

    public static SandboxGoogleAuthorizeRequest From(Func<string, string?> read) => new(
        read("client_id"), read("redirect_uri"), read("response_type"), read("scope"), read("state"),
        read("code_challenge"), read("code_challenge_method"), read("prompt"));

    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        string?[] values = [ClientId, RedirectUri, ResponseType, Scope, State, CodeChallenge, CodeChallengeMethod, Prompt];
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

        var scopes = (Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains("openid") || !scopes.Contains("email") || !scopes.Contains("profile"))
        {
            return ("invalid_scope", "Midx must ask for the openid, email and profile scopes.");
        }

        if (string.IsNullOrEmpty(State))
        {
            return ("invalid_request", "The state parameter is missing; Midx always sends one.");
        }

        // Google accepts requests without PKCE; the stand-in insists, because Midx must always use it.
        if (string.IsNullOrEmpty(CodeChallenge) || !string.Equals(CodeChallengeMethod, "S256", StringComparison.Ordinal))
        {
            return ("invalid_request", "A PKCE code_challenge with code_challenge_method=S256 is required.");
        }

        return null;
    }

    public string RedirectWith(IDictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString(RedirectUri!, parameters);
}
