using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Template;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Answers a request under the sandbox TikTok's API paths that no sandbox endpoint takes (an unknown path, a wrong
/// method) the way TikTok's API host does: in JSON, never with Midx's HTML not-found or form-expired pages. The
/// authorize page is TikTok's web site, not its API, and keeps Midx's pages.
/// </summary>
public sealed class TikTokUnmatchedRouteMiddleware(RequestDelegate next, EndpointDataSource endpoints)
{
    private static readonly PathString Api = SandboxRegistration.TikTokPath;
    private static readonly PathString OAuth = SandboxRegistration.TikTokPath + "/v2/oauth";
    private static readonly PathString AuthorizePage = SandboxRegistration.TikTokPath + "/v2/auth";
    private static readonly PathString Upload = SandboxUrls.UploadBasePath;

    // Built on the first request, because the endpoints are mapped after the middleware is added; two requests racing
    // to build it build the same list.
    private IReadOnlyList<(TemplateMatcher Route, IReadOnlyList<string> Methods)>? _routes;

    /// <summary>Runs after routing has chosen an endpoint and before authorization and antiforgery look at it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var upload = path.StartsWithSegments(Upload);
        if ((!upload && (!path.StartsWithSegments(Api) || path.StartsWithSegments(AuthorizePage))) || IsSandboxRoute(context.GetEndpoint()))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        // Midx's own routes (a catch-all page) would turn routing's answer into 404 or 405 for the wrong reasons, so the
        // path is matched against the sandbox's routes alone.
        var allowed = Routes().Where(r => r.Route.TryMatch(path, [])).SelectMany(r => r.Methods).Distinct().ToList();
        context.Response.StatusCode = allowed.Count > 0 ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
        if (allowed.Count > 0)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
        }

        if (upload)
        {
            // The upload host's documented answers are statuses without a JSON body
            // (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
            return;
        }

        var sandbox = context.RequestServices.GetRequiredService<TikTokSandbox>();
        TikTokResponses.SetLogId(context, sandbox.NewLogId());
        var status = context.Response.StatusCode;
        var message = allowed.Count > 0
            ? $"The {context.Request.Method} method is not allowed for this endpoint."
            : "The requested endpoint does not exist.";

        // TikTok documents no error code for an unknown path or method, only the families and their shapes: the flat
        // OAuth body with invalid_request (https://developers.tiktok.com/doc/oauth-error-handling) and the v2 envelope,
        // whose nearest code is invalid_params (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).
        var result = path.StartsWithSegments(OAuth)
            ? TikTokResponses.OAuthError(context, status, "invalid_request", message)
            : TikTokResponses.InvalidParams(context, sandbox.Switches, status, message);
        await result.ExecuteAsync(context);
    }

    private IReadOnlyList<(TemplateMatcher Route, IReadOnlyList<string> Methods)> Routes() =>
        _routes ??= endpoints.Endpoints.OfType<RouteEndpoint>().Where(IsSandboxRoute)
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), []),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();

    private static bool IsSandboxRoute(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern }
        && (pattern.StartsWith(Api + "/", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith(Upload + "/", StringComparison.OrdinalIgnoreCase));
}
