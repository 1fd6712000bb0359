namespace Midx.App.Hosting;

public static class FaviconEndpoint
{
    /// <summary>
    /// Browsers ask for /favicon.ico on pages that name no icon (the sandbox's own pages, downloads); answer with the
    /// SVG icon instead of a 404.
    /// </summary>
    public static WebApplication MapFavicon(this WebApplication app)
    {
        app.MapGet("/favicon.ico", (IWebHostEnvironment environment) =>
            Results.File(environment.WebRootFileProvider.GetFileInfo("favicon.svg").CreateReadStream(), "image/svg+xml"))
            .ExcludeFromDescription();
        return app;
    }
}
