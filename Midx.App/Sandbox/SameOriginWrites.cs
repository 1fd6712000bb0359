namespace Midx.App.Sandbox;

/// <summary>
/// Endpoint filter that refuses (403) any write a browser says comes from another site, so a page elsewhere cannot
/// post to the sandbox's forms or controls with the visitor's cookies. Servers (Midx's OAuth handlers, its TikTok
/// client and publish worker) send neither <c>Sec-Fetch-Site</c> nor <c>Origin</c>, so what they see is unchanged.
/// </summary>
public static class SameOriginWrites
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsCrossSiteWrite(context.HttpContext.Request)
            ? Results.Text("The sandbox refuses writes from other sites.", statusCode: StatusCodes.Status403Forbidden)
            : await next(context);

    private static bool IsCrossSiteWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        // Every current browser sends Sec-Fetch-Site; "none" is the person typing the address, "same-site" a sibling host.
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is not ("same-origin" or "none");
        }

        // Older browsers: the Origin of a POST. The host is compared, not the scheme, so TLS ended at a proxy still matches.
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var from)
                && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
