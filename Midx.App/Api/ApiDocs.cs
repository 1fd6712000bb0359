using System.IO.Compression;

namespace Midx.App.Api;

/// <summary>
/// The browsable API reference at <see cref="ApiEndpoints.DocsPath"/>: Scalar's viewer (the script that ships inside
/// the Scalar.AspNetCore package) over the OpenAPI document. The page is Midx's own, not the package's, because the
/// package's page configures Scalar in an inline script, which Midx's one Content-Security-Policy forbids;
/// <c>js/api-docs.js</c> does that instead.
/// </summary>
public static class ApiDocs
{
    /// <summary>Scalar's viewer as the package embeds it (gzipped); its tests fail if an upgrade moves it.</summary>
    public const string ViewerResource = "ScalarStaticAssets.scalar.js";

    public const string ViewerPath = ApiEndpoints.DocsPath + "/scalar.js";

    private const string Page = $$"""
        <!doctype html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Midx API reference</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
            <div id="reference" data-openapi="{{ApiEndpoints.OpenApiPath}}"></div>
            <noscript>The API reference needs JavaScript. The OpenAPI document itself is at {{ApiEndpoints.OpenApiPath}}.</noscript>
            <script src="{{ViewerPath}}"></script>
            <script type="module" src="/js/api-docs.js"></script>
        </body>
        </html>
        """;

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiEndpoints.DocsPath, () => Results.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(ViewerPath, (HttpContext context) =>
        {
            // The package keeps the script gzipped: sent as it is to a browser that takes gzip, unpacked for one that does not.
            var gzipped = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream(ViewerResource)
                ?? throw new InvalidOperationException($"Scalar.AspNetCore no longer embeds {ViewerResource}.");
            context.Response.Headers.CacheControl = "public, max-age=86400";
            context.Response.Headers.Vary = "Accept-Encoding";
            if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.ContentEncoding = "gzip";
                return Results.Stream(gzipped, "text/javascript; charset=utf-8");
            }

            return Results.Stream(new GZipStream(gzipped, CompressionMode.Decompress), "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
