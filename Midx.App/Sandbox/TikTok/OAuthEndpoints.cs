using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Midx.App.Hosting;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Login Kit: the authorize page (https://developers.tiktok.com/doc/login-kit-web), the token endpoint and revoke
/// (https://developers.tiktok.com/doc/oauth-user-access-token-management).
/// </summary>
public static class OAuthEndpoints
{
    public const string AuthorizePath = "/v2/auth/authorize/";

    public static RouteGroupBuilder MapTikTokOAuthEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet(AuthorizePath, ShowAuthorize).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.Authorize));
        group.MapPost(AuthorizePath, DecideAuthorize).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.Authorize));
        group.MapPost("/v2/oauth/token/", Token).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.Token));
        group.MapPost("/v2/oauth/revoke/", Revoke).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.Revoke));
        return group;
    }

    private static IResult ShowAuthorize(HttpContext http, TikTokSandbox sandbox, IAntiforgery antiforgery)
    {
        var request = AuthorizeRequest.From(name => http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null);
        if (request.InvalidParameter(sandbox) is { } invalid)
        {
            return InvalidRequestPage(invalid);
        }

        var consent = sandbox.Consent;
        switch (consent.Decision)
        {
            case ConsentDecision.Deny:
                return Results.Redirect(request.Deny());
            case ConsentDecision.Approve:
                var creator = TikTokFixtures.FindByKey(consent.CreatorKey) ?? TikTokFixtures.Public;
                var granted = request.Granted(consent.Scopes ?? request.Offered);
                return Results.Redirect(request.Approve(sandbox, creator, granted));
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return new RazorComponentResult<TikTokAuthorizePage>(new
        {
            Request = request,
            ActionPath = (http.Request.PathBase + http.Request.Path).ToString(),
            AntiforgeryFieldName = tokens.FormFieldName,
            AntiforgeryToken = tokens.RequestToken ?? "",
        });
    }

    private static async Task<IResult> DecideAuthorize(HttpContext http, TikTokSandbox sandbox, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.BadRequest();
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return FormExpiredResponse.Result;
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var request = AuthorizeRequest.From(name => form.TryGetValue(name, out var v) ? v.ToString() : null);
        if (request.InvalidParameter(sandbox) is { } invalid)
        {
            return InvalidRequestPage(invalid);
        }

        if (form["decision"] != "authorize")
        {
            return Results.Redirect(request.Deny());
        }

        if (TikTokFixtures.FindByKey(form["creator"]) is not { } creator)
        {
            return InvalidRequestPage("creator");
        }

        var ticked = form["granted_scopes"].Where(s => s is not null).Select(s => s!);
        return Results.Redirect(request.Approve(sandbox, creator, request.Granted(ticked)));
    }

    private static IResult InvalidRequestPage(string parameter) =>
        new RazorComponentResult<TikTokAuthorizeErrorPage>(new { Parameter = parameter }) { StatusCode = StatusCodes.Status400BadRequest };

    private static async Task<IResult> Token(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var switches = sandbox.Switches;
        if (!http.Request.HasFormContentType)
        {
            return TikTokResponses.OAuthError(http, switches, "invalid_request", "The request must be application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        if (Field("client_key") is null || Field("client_secret") is null || Field("grant_type") is not { } grantType)
        {
            return TikTokResponses.OAuthError(http, switches, "invalid_request", "The request parameters are malformed.");
        }

        if (!sandbox.IsClient(Field("client_key")) || !sandbox.IsClientSecret(Field("client_secret")))
        {
            return TikTokResponses.OAuthError(http, switches, "invalid_client", "Client key or secret is invalid.");
        }

        var (accessTtl, refreshTtl) = switches.TokenLifetimes;
        var now = sandbox.Now;
        switch (grantType)
        {
            case "authorization_code":
                if (Field("code") is not { } code || Field("redirect_uri") is not { } redirectUri)
                {
                    return TikTokResponses.OAuthError(http, switches, "invalid_request", "The request parameters are malformed.");
                }

                if (sandbox.Codes.Redeem(code, now) is not { } grant || grant.ClientKey != sandbox.ClientKey)
                {
                    return TikTokResponses.OAuthError(http, switches, "invalid_grant", "Authorization code is expired or invalid.");
                }

                if (!string.Equals(grant.RedirectUri, redirectUri, StringComparison.Ordinal))
                {
                    return TikTokResponses.OAuthError(http, switches, switches.RedirectMismatchAsInvalidRequest ? "invalid_request" : "invalid_grant",
                        "Redirect_uri is not matched with the uri when requesting code.");
                }

                if (grant.CodeChallenge is { } challenge)
                {
                    if (Field("code_verifier") is not { } verifier)
                    {
                        return TikTokResponses.OAuthError(http, switches, "invalid_request", "code_verifier is required.");
                    }

                    if (!PkceCheck.Matches(challenge, verifier, switches.PkceMode))
                    {
                        return TikTokResponses.OAuthError(http, switches, "invalid_grant", "Code verifier or code challenge is invalid.");
                    }
                }

                return TikTokResponses.OAuthTokens(sandbox.Tokens.Issue(grant.OpenId, grant.Scopes, accessTtl, refreshTtl, now));

            case "refresh_token":
                if (Field("refresh_token") is not { } refreshToken)
                {
                    return TikTokResponses.OAuthError(http, switches, "invalid_request", "The request parameters are malformed.");
                }

                var refreshed = sandbox.Tokens.Refresh(refreshToken, accessTtl, refreshTtl, switches.RotateRefreshTokens,
                    switches.InvalidatePreviousRefreshToken, now);
                return refreshed is null
                    ? TikTokResponses.OAuthError(http, switches, "invalid_grant", "Refresh token is invalid or expired.")
                    : TikTokResponses.OAuthTokens(refreshed);

            default:
                return TikTokResponses.OAuthError(http, switches, "unsupported_grant_type", "The grant type is not supported.");
        }
    }

    private static async Task<IResult> Revoke(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var switches = sandbox.Switches;
        if (!http.Request.HasFormContentType)
        {
            return TikTokResponses.OAuthError(http, switches, "invalid_request", "The request must be application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (!sandbox.IsClient(form["client_key"]) || !sandbox.IsClientSecret(form["client_secret"]))
        {
            return TikTokResponses.OAuthError(http, switches, "invalid_client", "Client key or secret is invalid.");
        }

        if (string.IsNullOrEmpty(form["token"]))
        {
            return TikTokResponses.OAuthError(http, switches, "invalid_request", "The request parameters are malformed.");
        }

        // Revoking kills the access token and its refresh tokens; an expired or unknown token cannot be revoked.
        return sandbox.Tokens.Revoke(form["token"].ToString(), sandbox.Now)
            ? Results.Json(new { }, TikTokResponses.Json)
            : TikTokResponses.OAuthError(http, switches, "invalid_request", "The access token is invalid or expired.");
    }
}
