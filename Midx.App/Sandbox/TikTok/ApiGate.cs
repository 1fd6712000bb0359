namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The checks every Bearer endpoint makes before reading its body: a live access token, one of the required scopes,
/// then the per-token sliding-window rate limit (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
/// </summary>
public static class ApiGate
{
    public static (AccessGrant? Grant, IResult? Error) Check(HttpContext http, TikTokSandbox sandbox, string endpoint, int perMinute, params string[] anyOfScopes)
    {
        var switches = sandbox.Switches;
        var authStatus = switches.AuthErrorsAsHttp200 ? 200 : 401;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        var now = sandbox.Now;
        var grant = string.IsNullOrEmpty(token) ? null : sandbox.Tokens.FindAccess(token, now);
        if (grant is null)
        {
            return (null, TikTokResponses.Error(http, authStatus, "access_token_invalid",
                "The access token is invalid or not found in the request. Please refresh the token and retry."));
        }

        if (anyOfScopes.Length > 0 && !anyOfScopes.Any(grant.Has))
        {
            return (null, TikTokResponses.Error(http, authStatus, "scope_not_authorized",
                $"The user did not authorize the scope required for completing this request ({string.Join(" or ", anyOfScopes)})."));
        }

        if (switches.EnforceRateLimits && !sandbox.RateLimiter.TryAcquire(grant.AccessToken, endpoint, perMinute, now))
        {
            return (null, TikTokResponses.Error(http, 429, "rate_limit_exceeded",
                "The API rate limit was exceeded. Please try again later."));
        }

        return (grant, null);
    }

    public static async Task<string> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
