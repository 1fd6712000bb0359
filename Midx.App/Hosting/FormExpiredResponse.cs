using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Midx.App.Components.Pages;

namespace Midx.App.Hosting;

/// <summary>
/// Answers a form post whose antiforgery token does not fit the browser's session (a tab left open while the person
/// signed in or out in another, a token from another browser) with 400 and <see cref="FormExpiredPage"/>. Without it
/// the framework answers a blank 400 (a stack trace in Development), and the status and error pages it re-executes
/// for that POST ask for a token again and fail with a blank 500.
/// </summary>
public static class FormExpiredResponse
{
    /// <summary>For endpoints that check the token themselves because they bind no form fields.</summary>
    public static IResult Result { get; } = new FormExpiredResult();

    /// <summary>Runs after <c>UseAntiforgery</c>, which has validated the token of every endpoint that binds a form.</summary>
    public static Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } ? WriteAsync(context) : next(context);

    private static Task WriteAsync(HttpContext context)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormExpiredResponse))
            .LogInformation("Form post to {Path} refused: its antiforgery token does not fit this browser's session", context.Request.Path);

        var page = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .First(e => e.RequestDelegate is not null && e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(FormExpiredPage));
        var render = page.RequestDelegate!;

        // Render the page as a GET of its own, so it gets the layout and never looks at the refused form.
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = FormExpiredPage.Path;
        context.Request.QueryString = QueryString.Empty;
        context.Request.RouteValues.Clear();
        context.Features.Set<IAntiforgeryValidationFeature>(null);
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.SetEndpoint(page);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.Headers.CacheControl = "no-store";
        return render(context);
    }

    private sealed class FormExpiredResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext);
    }
}
