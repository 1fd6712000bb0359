using Microsoft.EntityFrameworkCore;
using Midx.App.Publishing;
using Midx.Core.Admin;
using Midx.Core.Api;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.App.Api;

/// <summary>
/// Midx's REST API, <c>/api/v1</c>: a workspace's linked TikTok accounts (with TikTok's creator_info for each) and its
/// posts, for the API keys an Owner makes on the workspace's page. Every endpoint goes through
/// <see cref="ApiAccessFilter"/>; everything is scoped to the key's workspace, so another workspace's id is a 404.
/// The OpenAPI document is at <see cref="OpenApiPath"/> and its browsable reference at <see cref="DocsPath"/>.
/// </summary>
public static class ApiEndpoints
{
    public const string BasePath = "/api/v1";

    public const string OpenApiPath = "/api/v1/openapi.json";

    public const string DocsPath = "/api/docs";

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).AddEndpointFilter<ApiAccessFilter>().DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("accounts", ListAccountsAsync)
            .Produces<List<ApiAccount>>()
            .RequireScope(ApiScope.Read).WithName("ListAccounts").WithTags("Accounts").WithSummary("List the workspace's linked TikTok accounts")
            .WithDescription("Oldest first. An account whose tokenState is needs_reconnect can post again once an Owner or Publisher reconnects it in Midx.");
        api.MapGet("accounts/{id:guid}/creator-info", CreatorInfoAsync)
            .Produces<CreatorSnapshot>()
            .RequireScope(ApiScope.Read).WithName("GetCreatorInfo").WithTags("Accounts").WithSummary("Read TikTok's creator_info for an account, now")
            .WithDescription("Asked of TikTok at each call (TikTok allows 20 a minute per account): the privacy levels the creator offers, "
                + "what they switched off and the longest video they may post. A refusal by TikTok is a problem carrying tikTokCode and logId.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapGet("posts", ListPostsAsync)
            .Produces<ApiPage<ApiPost>>()
            .RequireScope(ApiScope.Read).WithName("ListPosts").WithTags("Posts").WithSummary("List the workspace's posts, newest first")
            .WithDescription($"Up to {ApiPostsQuery.MaxLimit} a page (default {ApiPostsQuery.DefaultLimit}); pass nextCursor as cursor for the next "
                + "page. Filter by state (awaiting_review, scheduled, published, failed, …) and by account.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("posts/{id:guid}", GetPostAsync)
            .Produces<ApiPostDetail>()
            .RequireScope(ApiScope.Read).WithName("GetPost").WithTags("Posts").WithSummary("Read a post and its history")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPublishApi();
        api.MapConnectApi();
        return app;
    }

    private static async Task<IResult> ListAccountsAsync(HttpContext context, TikTokAccountsQuery accounts, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var list = await accounts.ForWorkspaceAsync(caller.WorkspaceId, cancellationToken);
        return TypedResults.Ok(list.Select(ApiAccount.From).ToList());
    }

    private static async Task<IResult> CreatorInfoAsync(
        Guid id, HttpContext context, TikTokAccountsQuery accounts, ComposeCreatorQuery creators, MidxDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if ((await accounts.ForWorkspaceAsync(caller.WorkspaceId, cancellationToken)).FirstOrDefault(a => a.Id == id) is not { } account)
        {
            return ApiProblems.NotFound();
        }

        var inboxDraftsOnly = await db.Workspaces.Where(w => w.Id == caller.WorkspaceId).Select(w => w.InboxDraftsOnly).SingleAsync(cancellationToken);
        var lookup = await creators.ExecuteAsync(account, inboxDraftsOnly, cancellationToken);
        return lookup.Creator is { } creator ? TypedResults.Ok(creator) : ApiProblems.ForCreatorLookup(lookup);
    }

    private static async Task<IResult> ListPostsAsync(
        HttpContext context, ApiPostsQuery posts, string? state, Guid? account, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        JobState? wanted = null;
        if (state is not null && (wanted = ApiNames.Parse<JobState>(state)) is null)
        {
            return ApiProblems.InvalidQuery($"\"{state}\" is no post state. States: {string.Join(", ", Enum.GetValues<JobState>().Select(ApiNames.Of))}.");
        }

        if (limit is < 1 or > ApiPostsQuery.MaxLimit)
        {
            return ApiProblems.InvalidQuery($"limit must be between 1 and {ApiPostsQuery.MaxLimit}.");
        }

        KeysetCursor? after = null;
        if (cursor is not null && (after = KeysetCursor.Parse(cursor)) is null)
        {
            return ApiProblems.InvalidQuery("The cursor is not one Midx gave out: pass a nextCursor from a previous page as it was.");
        }

        var page = await posts.ListAsync(context.Caller().WorkspaceId, new ApiPostsFilter(wanted, account, limit, after), cancellationToken);
        return TypedResults.Ok(new ApiPage<ApiPost>(page.Posts.Select(ApiPost.From).ToList(), page.Next?.ToString()));
    }

    private static async Task<IResult> GetPostAsync(Guid id, HttpContext context, ApiPostsQuery posts, CancellationToken cancellationToken) =>
        await posts.FindAsync(context.Caller().WorkspaceId, id, cancellationToken) is { } found
            ? TypedResults.Ok(new ApiPostDetail(ApiPost.From(found.Job), found.Events.Select(ApiPostEvent.From).ToList()))
            : ApiProblems.NotFound();
}
