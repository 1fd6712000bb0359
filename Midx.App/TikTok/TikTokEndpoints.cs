using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using Midx.App.Accounts;
using Midx.App.Connect;
using Midx.App.Components.Shared;
using Midx.App.Hosting;
using Midx.App.Workspaces;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.App.TikTok;

/// <summary>
/// POST /tiktok/link starts TikTok's web authorization; TikTok answers at GET /tiktok/callback; POST
/// /tiktok/accounts/{id}/disconnect revokes and deletes (or says why it must wait). All need a signed-in user, except
/// the callback of a link started from a hosted connect link, which goes back to its app (<see cref="ConnectEndpoints"/>);
/// the POSTs check the antiforgery token explicitly (they bind no form fields, so the framework would not). Every
/// other outcome ends in a redirect to the accounts page, which shows its <see cref="AccountsNoticeText.Flash"/> notice.
/// </summary>
public static class TikTokEndpoints
{
    public const string LinkPath = "/tiktok/link";

    /// <summary>Links an account into <paramref name="workspaceId"/>: the form names it, so each tab links where it shows.</summary>
    public static string LinkUrl(Guid workspaceId) => $"{LinkPath}?{WorkspaceChoice.QueryParameter}={workspaceId}";
    public const string CallbackPath = "/tiktok/callback";

    public static string DisconnectPath(Guid accountId) => $"/tiktok/accounts/{accountId}/disconnect";

    public static IEndpointRouteBuilder MapTikTokEndpoints(this IEndpointRouteBuilder app)
    {
        var tiktok = app.MapGroup("/tiktok").RequireAuthorization().ExcludeFromDescription();
        tiktok.MapPost("/link", LinkAsync);
        // TikTok's one registered redirect URI serves both kinds of link, so it cannot demand a sign-in itself.
        app.MapGet(CallbackPath, CallbackAsync).ExcludeFromDescription();
        tiktok.MapPost("/accounts/{accountId:guid}/disconnect", DisconnectAsync);
        return app;
    }

    private static async Task<IResult> LinkAsync(
        HttpContext context, IAntiforgery antiforgery, IOptions<TikTokOptions> options, StartTikTokLinkCommand start, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return FormExpiredResponse.Result;
        }

        if (!options.Value.IsConfigured)
        {
            return ToAccounts(context, AccountsNoticeText.Flash(AccountsNotice.NotConfigured));
        }

        var userId = UserId(context);
        var authorize = await start.ExecuteAsync(userId, WorkspaceChoice.Requested(context) ?? userId, RedirectUri(context, options.Value), cancellationToken);
        return authorize is null
            ? ToAccounts(context, AccountsNoticeText.Flash(AccountsNotice.CannotLink))
            : Results.Redirect(authorize.AbsoluteUri);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, IOptions<TikTokOptions> options, CompleteTikTokLinkCommand complete, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var callback = new TikTokLinkCallback(query["state"], query["code"], query["scopes"], query["error"], query["error_description"]);
        var userId = context.User.GetUserId();
        var result = await complete.ExecuteAsync(userId, callback, RedirectUri(context, options.Value), cancellationToken);
        if (result.ConnectLinkId is { } connectLinkId)
        {
            return await ConnectEndpoints.ReturnAsync(context, connectLinkId, result, cancellationToken);
        }

        if (userId is null)
        {
            // A signed-in person's link whose session ended at TikTok signs in and comes back; anyone else's state is no connect link's.
            return result.Outcome == TikTokLinkOutcome.SignInRequired
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString })
                : Results.Redirect(ConnectRefusedPage.Url(ErrorCatalog.ConnectStateInvalid));
        }

        var notice = result.Outcome switch
        {
            TikTokLinkOutcome.Linked => AccountsNotice.Linked,
            TikTokLinkOutcome.Updated => AccountsNotice.Updated,
            TikTokLinkOutcome.Expired => AccountsNotice.LinkExpired,
            TikTokLinkOutcome.Declined => AccountsNotice.Declined,
            TikTokLinkOutcome.TikTokRefused => AccountsNotice.TikTokRefused,
            TikTokLinkOutcome.Unreachable => AccountsNotice.TikTokUnreachable,
            TikTokLinkOutcome.LinkedElsewhere => AccountsNotice.LinkedElsewhere,
            _ => AccountsNotice.InvalidState,
        };
        var linked = notice is AccountsNotice.Linked or AccountsNotice.Updated ? result.AccountId : null;
        return ToAccounts(context, AccountsNoticeText.Flash(notice, result.Error?.Code.Value, missingScopes: result.MissingScopes is { Count: > 0 }), linked);
    }

    private static async Task<IResult> DisconnectAsync(
        Guid accountId, HttpContext context, IAntiforgery antiforgery, DisconnectTikTokAccountCommand disconnect, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return FormExpiredResponse.Result;
        }

        var result = await disconnect.ExecuteAsync(UserId(context), accountId, TikTokDisconnectPurpose.UserAsked, cancellationToken);
        var notice = result.Outcome switch
        {
            TikTokDisconnectOutcome.Revoked => AccountsNotice.Disconnected,
            TikTokDisconnectOutcome.DeletedButNotRevoked => AccountsNotice.DisconnectedNotRevoked,
            TikTokDisconnectOutcome.PostsBeingSent => AccountsNotice.PostsBeingSent,
            _ => AccountsNotice.NotFound,
        };
        return ToAccounts(context, AccountsNoticeText.Flash(notice, posts: result.Posts));
    }

    /// <summary>To the accounts page with its notice; after a link, straight to the account's card.</summary>
    private static IResult ToAccounts(HttpContext context, FlashNotice notice, Guid? accountId = null)
    {
        context.RequestServices.GetRequiredService<FlashNotices>().Set(context, notice);
        return Results.Redirect(accountId is { } id ? $"{AccountsPage.Path}#{AccountsPage.Anchor(id)}" : AccountsPage.Path);
    }

    /// <summary>The registered redirect URI when configured (it must match TikTok's portal exactly), else this origin's callback.</summary>
    public static string RedirectUri(HttpContext context, TikTokOptions options) =>
        !string.IsNullOrWhiteSpace(options.RedirectUri)
            ? options.RedirectUri
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{CallbackPath}";

    // RequireAuthorization guarantees a signed-in user, and every Midx session carries its user id.
    private static Guid UserId(HttpContext context) =>
        context.User.GetUserId() ?? throw new InvalidOperationException("A signed-in user has no Midx user id.");
}
