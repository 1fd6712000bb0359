using Midx.App.Connect;
using Midx.Core.Api;
using Midx.Core.Connect;
using Midx.Core.Errors;

namespace Midx.App.Api;

/// <summary>
/// Hosted connect links, <c>/api/v1/connect-links</c>, for keys with the <c>connect</c> scope: a one-time link to Midx's
/// page where the integrator's own user links their TikTok account to the key's workspace and is sent back to one of the
/// app's registered redirect URLs; and the link's outcome. Another workspace's link is a 404.
/// </summary>
public static class ConnectApiEndpoints
{
    public static RouteGroupBuilder MapConnectApi(this RouteGroupBuilder api)
    {
        api.MapPost("connect-links", CreateAsync)
            .Accepts<ConnectLinkRequest>("application/json")
            .Produces<ApiConnectLink>(StatusCodes.Status201Created)
            .WithExamples(Examples.Request, Examples.Created)
            .RequireScope(ApiScope.Connect).WithName("CreateConnectLink").WithTags("Connect").WithSummary("Make a one-time hosted connect link")
            .WithDescription("Send your user to url: Midx's page names the workspace and your app, and takes them through TikTok's authorization. "
                + "Then Midx sends them to redirectUrl (registered for the app on the workspace's page, matched exactly) with account_id and your state, "
                + "or with error (connect_declined, connect_tiktok_failed, connect_linked_elsewhere, connect_link_expired) and your state. "
                + "The link works once and expires at expiresAt; its secret is only in url.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("connect-links/{id:guid}", GetAsync)
            .Produces<ApiConnectLinkStatus>()
            .WithExamples(null, Examples.Used)
            .RequireScope(ApiScope.Connect).WithName("GetConnectLink").WithTags("Connect").WithSummary("Read whether a connect link was used, and what it linked")
            .WithDescription("status is pending, used or expired; a used link has the accountId it linked, or the error it ended with.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The reference's examples, in the shapes the endpoints read and write.</summary>
    private static class Examples
    {
        private static readonly Guid AppId = Guid.Parse("019ae1c2-7d40-7f6b-8c4d-9a5e1b7c3d44");
        private static readonly Guid LinkId = Guid.Parse("019ae1c2-8e50-706c-9d5e-0b6f2c8d4e55");
        private static readonly DateTime At = new(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc);
        private const string RedirectUrl = "https://shop.example/tiktok/connected";

        public static readonly ConnectLinkRequest Request = new(AppId, RedirectUrl, "cart-7");

        public static readonly ApiConnectLink Created = new(LinkId, "https://midx.example/connect/Hq3…", At.AddMinutes(30));

        public static readonly ApiConnectLinkStatus Used = new(LinkId, AppId, RedirectUrl, "used", At, At.AddMinutes(30), At.AddMinutes(4), ApiExamples.AccountId, null);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CreateConnectLinkCommand create, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ApiRequests.ReadJsonAsync<ConnectLinkRequest>(context, required: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var caller = context.Caller();
        var created = await create.ExecuteAsync(caller.WorkspaceId, caller.KeyId, request!, cancellationToken);
        if (created.Link is not { } link)
        {
            var status = created.Problem == ErrorCatalog.ApiInvalidBody ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
            return ApiProblems.For(created.Problem!, status, created.Detail);
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{ConnectPage.Url(created.Token!)}";
        return TypedResults.Created($"{ApiEndpoints.BasePath}/connect-links/{link.Id}", new ApiConnectLink(link.Id, url, link.ExpiresAt));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, ConnectLinksQuery links, TimeProvider time, CancellationToken cancellationToken) =>
        await links.FindAsync(context.Caller().WorkspaceId, id, cancellationToken) is { } link
            ? TypedResults.Ok(ApiConnectLinkStatus.From(link, time.GetUtcNow().UtcDateTime))
            : ApiProblems.NotFound();
}

/// <summary>A connect link just made: send your user to <c>url</c> before <c>expiresAt</c>.</summary>
public sealed record ApiConnectLink(Guid Id, string Url, DateTime ExpiresAt);

/// <summary>A connect link's outcome. <c>status</c>: <c>pending</c>, <c>used</c> or <c>expired</c>.</summary>
public sealed record ApiConnectLinkStatus(
    Guid Id, Guid AppId, string RedirectUrl, string Status, DateTime CreatedAt, DateTime ExpiresAt, DateTime? UsedAt, Guid? AccountId, string? Error)
{
    public static ApiConnectLinkStatus From(ConnectLink l, DateTime now) =>
        new(l.Id, l.AppId, l.RedirectUrl, ApiNames.Of(l.StatusAt(now)), l.CreatedAt, l.ExpiresAt, l.UsedAt, l.TikTokAccountId, l.ErrorCode);
}
