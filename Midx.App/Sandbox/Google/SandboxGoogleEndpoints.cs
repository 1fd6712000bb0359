using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Midx.App.Hosting;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// The stand-in Google's protocol endpoints, speaking OpenID Connect as Google does
/// (https://developers.google.com/identity/openid-connect/openid-connect): a discovery document and JWK set, an
/// account chooser that redirects back with a code (or error=access_denied), a token endpoint that checks the code,
/// client credentials, redirect URI and PKCE verifier (when a challenge was sent) and returns an id_token (and a
/// refresh token for access_type=offline), and a userinfo endpoint behind the bearer token (which a test can make
/// fail: <see cref="SandboxGoogleOptions.UserInfoFault"/>).
/// </summary>
public static class SandboxGoogleEndpoints
{
    public const string AuthorizePath = SandboxRegistration.GooglePath + "/authorize";
    public const string TokenPath = SandboxRegistration.GooglePath + "/token";
    public const string UserInfoPath = SandboxRegistration.GooglePath + "/userinfo";
    public const string DiscoveryPath = SandboxRegistration.GooglePath + "/.well-known/openid-configuration";
    public const string JwksPath = SandboxRegistration.GooglePath + "/certs";

    public static IEndpointRouteBuilder MapSandboxGoogle(this IEndpointRouteBuilder app)
    {
        var google = app.MapGroup(SandboxRegistration.GooglePath).ExcludeFromDescription().AddEndpointFilter(SameOriginWrites.InvokeAsync);
        google.MapGet("/authorize", ShowChooser);
        google.MapPost("/authorize", ChooseAsync);
        google.MapGet("/.well-known/openid-configuration", Discovery);
        google.MapGet("/certs", (SandboxGoogleSigningKey key) => Results.Json(key.JsonWebKeySet()));
        google.MapPost("/token", ExchangeAsync);
        google.MapGet("/userinfo", UserInfo);
        google.MapGet("/avatar/{subject}.svg", Avatar);
        return app;
    }

    private static RazorComponentResult<SandboxGoogleAuthorizePage> ShowChooser(HttpRequest http, IOptions<SandboxGoogleOptions> client)
    {
        var request = SandboxGoogleAuthorizeRequest.From(name => http.Query[name].FirstOrDefault());
        return Chooser(request, request.Problem(client.Value, http));
    }

    private static async Task<IResult> ChooseAsync(
        HttpContext context, IAntiforgery antiforgery, IOptions<SandboxGoogleOptions> client, SandboxGoogleGrants grants)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return FormExpiredResponse.Result;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? Read(string name) => form[name].FirstOrDefault();
        var request = SandboxGoogleAuthorizeRequest.From(Read);
        if (request.Problem(client.Value, context.Request) is { } problem)
        {
            return Chooser(request, problem);
        }

        if (Read("decision") == "deny")
        {
            return Results.Redirect(request.RedirectWith(new Dictionary<string, string?>
            {
                ["error"] = "access_denied",
                ["state"] = request.State,
            }));
        }

        var chosen = Read("identity");
        SandboxGoogleIdentity identity;
        if (chosen == "custom")
        {
            var email = Read("custom_email")?.Trim() ?? "";
            var name = Read("custom_name")?.Trim() ?? "";
            var subject = Read("custom_sub")?.Trim();
            var formError = CustomAccountError(email, name, subject);
            if (formError is not null)
            {
                return Chooser(request, null, formError, email, name, subject);
            }

            identity = SandboxGoogleIdentity.For(email, name, subject: subject);
        }
        else if (SandboxGoogleIdentity.TestIdentities.FirstOrDefault(i => i.Email == chosen) is { } listed)
        {
            identity = listed;
        }
        else
        {
            return Chooser(request, null, "Choose one of the accounts, or fill in another account.");
        }

        var code = grants.IssueCode(request, identity);
        return Results.Redirect(request.RedirectWith(new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = request.State,
            ["scope"] = string.Join(' ', request.Scopes),
        }));
    }

    /// <summary>
    /// The discovery document, in the shape of https://accounts.google.com/.well-known/openid-configuration
    /// (https://developers.google.com/identity/openid-connect/openid-connect#discovery).
    /// </summary>
    private static IResult Discovery(SandboxOrigin origin, SandboxGoogleIdToken idToken)
    {
        string At(string path) => new Uri(origin.Origin, path).ToString();
        return Results.Json(new
        {
            issuer = idToken.Issuer,
            authorization_endpoint = At(AuthorizePath),
            token_endpoint = At(TokenPath),
            userinfo_endpoint = At(UserInfoPath),
            jwks_uri = At(JwksPath),
            response_types_supported = new[] { "code" },
            subject_types_supported = new[] { "public" },
            id_token_signing_alg_values_supported = new[] { "RS256" },
            scopes_supported = SandboxGoogleAuthorizeRequest.SupportedScopes,
            token_endpoint_auth_methods_supported = new[] { "client_secret_post", "client_secret_basic" },
            claims_supported = new[]
            {
                "aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "picture", "sub",
            },
            code_challenge_methods_supported = new[] { SandboxGooglePkce.Plain, SandboxGooglePkce.S256 },
            grant_types_supported = new[] { "authorization_code", "refresh_token" },
        });
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context, IOptions<SandboxGoogleOptions> options, SandboxGoogleGrants grants, SandboxGoogleIdToken idToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? Read(string name) => form[name].FirstOrDefault();
        var client = options.Value;

        var grantType = Read("grant_type");
        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            return TokenError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Invalid grant_type: " + grantType);
        }

        var (clientId, clientSecret) = ClientCredentials(context.Request, Read);
        if (!FixedTimeEquals(clientId, client.ClientId) || !FixedTimeEquals(clientSecret, client.ClientSecret))
        {
            return TokenError(StatusCodes.Status401Unauthorized, "invalid_client", "Unauthorized");
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return grantType == "refresh_token"
            ? Refresh(Read("refresh_token"), clientId!, grants, idToken)
            : RedeemCode(Read, clientId!, grants, idToken);
    }

    private static IResult RedeemCode(Func<string, string?> read, string clientId, SandboxGoogleGrants grants, SandboxGoogleIdToken idToken)
    {
        var code = read("code");
        var grant = string.IsNullOrEmpty(code) ? null : grants.Redeem(code);
        if (grant is null)
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_grant", "The code is unknown, expired or already used.");
        }

        if (grant.ClientId != clientId)
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_grant", "The code was issued to another client.");
        }

        if (!string.Equals(read("redirect_uri"), grant.RedirectUri, StringComparison.Ordinal))
        {
            return TokenError(StatusCodes.Status400BadRequest, "redirect_uri_mismatch", "Bad Request");
        }

        if (grant.CodeChallenge is { } challenge && !SandboxGooglePkce.Verifies(read("code_verifier"), challenge, grant.CodeChallengeMethod))
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_grant", "Invalid code verifier.");
        }

        var refreshToken = grant.Offline ? grants.IssueRefreshToken(clientId, grant.Identity, grant.Scope) : null;
        return TokenResponse(grant.Identity, grant.Scope, clientId, grant.Nonce, refreshToken, grants, idToken);
    }

    /// <summary>
    /// A refresh token buys a new access token (and a new id_token when openid was granted), never a new refresh token
    /// (https://developers.google.com/identity/protocols/oauth2/web-server#offline).
    /// </summary>
    private static IResult Refresh(string? refreshToken, string clientId, SandboxGoogleGrants grants, SandboxGoogleIdToken idToken)
    {
        var grant = string.IsNullOrEmpty(refreshToken) ? null : grants.FindRefreshToken(refreshToken);
        if (grant is null || grant.ClientId != clientId)
        {
            return TokenError(StatusCodes.Status400BadRequest, "invalid_grant", "Token has been expired or revoked.");
        }

        return TokenResponse(grant.Identity, grant.Scope, clientId, nonce: null, refreshToken: null, grants, idToken);
    }

    private static IResult TokenResponse(
        SandboxGoogleIdentity identity, string scope, string clientId, string? nonce, string? refreshToken,
        SandboxGoogleGrants grants, SandboxGoogleIdToken idToken)
    {
        var accessToken = grants.IssueAccessToken(identity, scope);
        var body = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["access_token"] = accessToken,
            ["expires_in"] = (int)SandboxGoogleGrants.AccessTokenLifetime.TotalSeconds,
            ["scope"] = scope,
            ["token_type"] = "Bearer",
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        if (idToken.IssueFor(identity, scope, clientId, accessToken, nonce) is { } signed)
        {
            body["id_token"] = signed;
        }

        return Results.Json(body);
    }

    private static IResult UserInfo(
        HttpContext context, IOptions<SandboxGoogleOptions> options, SandboxGoogleGrants grants, SandboxOrigin origin)
    {
        var fault = options.Value.UserInfoFault;
        if (fault == SandboxGoogleUserInfoFault.Unavailable)
        {
            return Results.Json(new { error = new { code = 503, message = "The service is currently unavailable.", status = "UNAVAILABLE" } },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (token.Length == 0 || fault == SandboxGoogleUserInfoFault.RevokedToken || grants.FindAccessToken(token) is not { } grant)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Results.Json(new { error = "invalid_token", error_description = "Invalid Credentials" },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Json(SandboxGoogleClaims.For(grant.Identity, grant.Scope, origin.Origin));
    }

    private static IResult Avatar(string subject, string? initial)
    {
        var letter = initial is { Length: 1 } && char.IsLetterOrDigit(initial[0]) ? initial.ToUpperInvariant() : "?";
        var hue = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0) % 360;
        var svg = $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="{letter}">
              <rect width="96" height="96" fill="hsl({hue.ToString(CultureInfo.InvariantCulture)}, 55%, 45%)"/>
              <text x="48" y="62" font-family="Arial, sans-serif" font-size="44" font-weight="600" fill="#fff" text-anchor="middle">{letter}</text>
            </svg>
            """;
        return Results.Text(svg, "image/svg+xml");
    }

    private static RazorComponentResult<SandboxGoogleAuthorizePage> Chooser(
        SandboxGoogleAuthorizeRequest request, (string Error, string Detail)? problem,
        string? formError = null, string? customEmail = null, string? customName = null, string? customSubject = null) =>
        new(new Dictionary<string, object?>
        {
            [nameof(SandboxGoogleAuthorizePage.Request)] = request,
            [nameof(SandboxGoogleAuthorizePage.Problem)] = problem,
            [nameof(SandboxGoogleAuthorizePage.FormError)] = formError,
            [nameof(SandboxGoogleAuthorizePage.CustomEmail)] = customEmail,
            [nameof(SandboxGoogleAuthorizePage.CustomName)] = customName,
            [nameof(SandboxGoogleAuthorizePage.CustomSubject)] = customSubject,
        })
        {
            StatusCode = problem is null && formError is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };

    private static string? CustomAccountError(string email, string name, string? subject)
    {
        if (email.Length is 0 or > 320 || !new EmailAddressAttribute().IsValid(email))
        {
            return "Enter an email address, like someone@example.com.";
        }

        if (name.Length is 0 or > 200)
        {
            return "Enter a name of up to 200 characters.";
        }

        return subject is { Length: > 255 } ? "The account id can be at most 255 characters." : null;
    }

    // Google accepts client credentials in the body (what Midx's handler sends) or as HTTP Basic.
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, Func<string, string?> read)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':');
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (read("client_id"), read("client_secret"));
    }

    private static bool FixedTimeEquals(string? actual, string expected) =>
        actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));

    private static IResult TokenError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
