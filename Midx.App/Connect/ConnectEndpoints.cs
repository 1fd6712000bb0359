using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Midx.App.Hosting;
using Midx.App.TikTok;
using Midx.Core.Connect;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.App.Connect;

/// <summary>
/// The hosted connect page's form, POST /connect/{token}/start, sends the person to TikTok's authorization; TikTok
/// answers at the app's one callback (<see cref="TikTokEndpoints"/>), which hands a connect link's answer to
/// <see cref="ReturnAsync"/>. None of it needs a Midx sign-in: the link's secret is the person's only credential.
/// </summary>
public static class ConnectEndpoints
{
    public static string StartPath(string token) => $"{ConnectPage.Url(token)}/start";

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/{token}/start", StartAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> StartAsync(
        string token, HttpContext context, IAntiforgery antiforgery, IOptions<TikTokOptions> options, ConnectLinksQuery links,
        StartTikTokLinkCommand start, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return FormExpiredResponse.Result;
        }

        // A link that is spent, expired or unknown: the page says which.
        if (await links.ByTokenAsync(token, cancellationToken) is not { Status: ConnectLinkStatus.Pending } link)
        {
            return Results.Redirect(ConnectPage.Url(token));
        }

        if (!options.Value.IsConfigured)
        {
            return Results.Redirect(ConnectRefusedPage.Url(ErrorCatalog.ConnectTikTokFailed));
        }

        var authorize = await start.ForConnectLinkAsync(link.Id, link.WorkspaceId, TikTokEndpoints.RedirectUri(context, options.Value), cancellationToken);
        return Results.Redirect(authorize.AbsoluteUri);
    }

    /// <summary>Back to the app with the outcome of its link, or to Midx's refusal page when it may not go back.</summary>
    public static async Task<IResult> ReturnAsync(HttpContext context, Guid connectLinkId, TikTokLinkResult result, CancellationToken cancellationToken)
    {
        var finish = context.RequestServices.GetRequiredService<FinishConnectLinkCommand>();
        var back = await finish.ExecuteAsync(connectLinkId, result, cancellationToken);
        return Results.Redirect(back.RedirectTo?.AbsoluteUri ?? ConnectRefusedPage.Url(back.Refusal!));
    }
}
