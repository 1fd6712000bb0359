using Microsoft.EntityFrameworkCore;
using Midx.App.Publishing;
using Midx.Core.Api;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.App.Api;

/// <summary>
/// The posting half of <c>/api/v1</c>, for keys with the <c>publish</c> scope: uploads (created, then their bytes PUT to
/// the link the creation gives, received exactly as the browser's are) and posts (created with an Idempotency-Key,
/// cancelled, retried). A key posts as an Editor of its workspace (<see cref="WorkspaceRoles.ApiKeyRole"/>): where the
/// workspace asks for review, its posts wait for a Publisher or an Owner.
/// </summary>
public static class ApiPublishEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>An Idempotency-Key is kept as the post's submission key after a prefix of its own.</summary>
    public const int MaxIdempotencyKeyLength = PublishRequestRules.MaxSubmissionKeyLength - 4;

    private const string SubmissionKeyPrefix = "api:";

    public static RouteGroupBuilder MapPublishApi(this RouteGroupBuilder api)
    {
        api.MapPost("uploads", CreateUploadAsync)
            .RequireScope(ApiScope.Publish).Produces<ApiUpload>(StatusCodes.Status201Created)
            .WithName("CreateUpload").WithTags("Uploads").WithSummary("Create an upload, then PUT the video's bytes to its uploadUrl")
            .WithDescription($"The uploadUrl takes the bytes (MP4, MOV or WebM, at most {ByteSize.Describe(VideoLimits.MaxBytes)} and "
                + $"{VideoLimits.MaxApiDurationSeconds / 60} minutes) in one PUT until expiresAt. fileName is for display only.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(ApiExamples.CreateUpload, ApiExamples.WaitingUpload);
        api.MapPut("uploads/{id:guid}/content", PutUploadContentAsync)
            .RequireScope(ApiScope.Publish).Produces<ApiUpload>(StatusCodes.Status201Created)
            .WithName("PutUploadContent").WithTags("Uploads").WithSummary("Send an upload's video bytes")
            .WithDescription("The raw file as the body (any Content-Type; Midx reads the bytes themselves). Streamed to disk, never held in memory; "
                + "checked as the browser's uploads are: its container, its duration, and the limits of the workspace's uploads at once and per hour.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(null, ApiExamples.ReadyUpload);
        api.MapGet("uploads/{id:guid}", GetUploadAsync)
            .RequireScope(ApiScope.Read).Produces<ApiUpload>()
            .WithName("GetUpload").WithTags("Uploads").WithSummary("Read an upload whose bytes arrived")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("posts", CreatePostAsync)
            .RequireScope(ApiScope.Publish).Produces<ApiPost>(StatusCodes.Status201Created).Produces<ApiPost>()
            .WithName("CreatePost").WithTags("Posts").WithSummary("Create a post: a Direct Post or an inbox draft, now or at a time")
            .WithDescription("Send an Idempotency-Key header (at most 60 characters): the same key again answers the post it created (200), never a second post. "
                + "Midx asks TikTok for the account's creator_info first and checks every choice against it, as TikTok's Content Sharing Guidelines require. "
                + "Show your user the declaration above your button and send their words as consentText: "
                + $"\"{SharingGuidelineTexts.MusicUsageDeclaration}\", or with branded content \"{SharingGuidelineTexts.BrandedContentDeclaration}\". "
                + "Interactions (comment, duet, stitch) are off unless your user turned them on. "
                + "Where the workspace asks for review, the post waits (awaiting_review) for a Publisher or an Owner.")
            .Accepts<ApiCreatePost>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithExamples(ApiExamples.CreatePost, ApiExamples.Post);
        api.MapPost("posts/{id:guid}/cancel", CancelPostAsync)
            .RequireScope(ApiScope.Publish).Produces<ApiPost>()
            .WithName("CancelPost").WithTags("Posts").WithSummary("Cancel a post TikTok does not have yet")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("posts/{id:guid}/retry", RetryPostAsync)
            .RequireScope(ApiScope.Publish).Produces<ApiPost>(StatusCodes.Status201Created).Produces<ApiPost>()
            .WithName("RetryPost").WithTags("Posts").WithSummary("Send a failed post again, as a new post")
            .WithDescription("The new attempt has the same content and points back with retryOf. A post is retried once: asking again answers that attempt (200).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CreateUploadAsync(HttpContext context, ApiUploadLinks links, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ApiRequests.ReadJsonAsync<ApiCreateUpload>(context, required: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var fileName = body?.FileName?.Trim();
        if (fileName is { Length: > ApiCreateUpload.MaxFileNameLength })
        {
            return ApiProblems.InvalidBody($"fileName is at most {ApiCreateUpload.MaxFileNameLength} characters.");
        }

        var (id, url, expiresAt) = links.Create(context.Caller().WorkspaceId, fileName);
        return TypedResults.Created($"{ApiEndpoints.BasePath}/uploads/{id}", ApiUpload.Waiting(id, fileName, url, expiresAt));
    }

    private static async Task<IResult> PutUploadContentAsync(
        Guid id, string? t, HttpContext context, ApiUploadLinks links, VideoReceiver receiver, MediaStore store, CancellationToken cancellationToken)
    {
        var workspaceId = context.Caller().WorkspaceId;
        if (links.Open(t, workspaceId, id) is not { } fileName)
        {
            return ApiProblems.For(ErrorCatalog.UploadLinkInvalid, StatusCodes.Status403Forbidden);
        }

        var owner = MediaStore.OwnerOf(context.Caller().Actor, workspaceId);
        if (await store.FindAsync(owner, id, cancellationToken) is not null)
        {
            return ApiProblems.For(ErrorCatalog.UploadAlreadyReceived, StatusCodes.Status409Conflict);
        }

        var receipt = await receiver.ReceiveAsync(context, owner, id, envelopeBytes: 0,
            body => Task.FromResult<(Stream?, string?, PublishingError?)>((body, fileName.Length == 0 ? null : fileName, null)), cancellationToken);
        if (receipt.Media is { } media)
        {
            return TypedResults.Created($"{ApiEndpoints.BasePath}/uploads/{id}", ApiUpload.Ready(media, store.LatestPostTime(media.UploadedAt)));
        }

        if (receipt.RetryAfter is { } wait)
        {
            Hosting.RetryAfterHeader.Set(context.Response, wait);
        }

        return receipt.Error is { } error ? ApiProblems.For(error, receipt.Status) : Results.Empty;
    }

    private static async Task<IResult> GetUploadAsync(Guid id, HttpContext context, MediaStore store, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        return await store.FindAsync(MediaStore.OwnerOf(caller.Actor, caller.WorkspaceId), id, cancellationToken) is { } media
            ? TypedResults.Ok(ApiUpload.Ready(media, store.LatestPostTime(media.UploadedAt)))
            : ApiProblems.NotFound();
    }

    private static async Task<IResult> CreatePostAsync(
        HttpContext context, TikTokAccountsQuery accounts, ComposeCreatorQuery creators, SubmitPublishJobCommand submit, MidxDbContext db,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var idempotencyKey = context.Request.Headers[IdempotencyKeyHeader].ToString().Trim();
        if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength)
        {
            return ApiProblems.For(ErrorCatalog.IdempotencyKeyInvalid, StatusCodes.Status400BadRequest);
        }

        var (body, refusal) = await ApiRequests.ReadJsonAsync<ApiCreatePost>(context, required: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!.Problem() is { } invalid)
        {
            return ApiProblems.InvalidBody(invalid);
        }

        var submissionKey = SubmissionKeyPrefix + idempotencyKey;
        var earlier = await db.PublishJobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.WorkspaceId == caller.WorkspaceId && j.SubmissionKey == submissionKey, cancellationToken);
        if (earlier is not null)
        {
            return Answer(new SubmittedJob(earlier, AlreadySubmitted: true), body);
        }

        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == caller.WorkspaceId).Select(w => new { w.InboxDraftsOnly }).SingleAsync(cancellationToken);
        if ((await accounts.ForWorkspaceAsync(caller.WorkspaceId, cancellationToken)).FirstOrDefault(a => a.Id == body.AccountId) is not { } account)
        {
            return ApiProblems.For(ErrorCatalog.AccountNotFound, StatusCodes.Status404NotFound, "No linked TikTok account of this workspace has that accountId; GET /api/v1/accounts lists them.");
        }

        var lookup = await creators.ExecuteAsync(account, workspace.InboxDraftsOnly, cancellationToken);
        if (lookup.Creator is not { } creator)
        {
            return ApiProblems.ForCreatorLookup(lookup);
        }

        var submitted = await submit.ExecuteAsync(body.ToRequest(caller, submissionKey), creator, cancellationToken);
        if (!submitted.Succeeded)
        {
            return ApiProblems.For(submitted.Error);
        }

        if (!submitted.Value.AlreadySubmitted)
        {
            context.CountPostCreated();
        }

        return Answer(submitted.Value, body);
    }

    /// <summary>
    /// The post a request created (201) or had created before (200); a key used before for another post is refused, so a
    /// reused key can never pass one post off as another.
    /// </summary>
    private static IResult Answer(SubmittedJob submitted, ApiCreatePost request)
    {
        var job = submitted.Job.WithoutWorkerSecrets();
        if (submitted.AlreadySubmitted && !request.Matches(job))
        {
            return ApiProblems.For(ErrorCatalog.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity);
        }

        var post = ApiPost.From(job);
        return submitted.AlreadySubmitted ? TypedResults.Ok(post) : TypedResults.Created($"{ApiEndpoints.BasePath}/posts/{job.Id}", post);
    }

    private static async Task<IResult> CancelPostAsync(Guid id, HttpContext context, CancelPublishJobCommand cancel, CancellationToken cancellationToken)
    {
        var cancelled = await cancel.ExecuteAsync(context.Caller().Actor, id, cancellationToken);
        return cancelled.Succeeded ? TypedResults.Ok(ApiPost.From(cancelled.Value.WithoutWorkerSecrets())) : ApiProblems.For(cancelled.Error);
    }

    private static async Task<IResult> RetryPostAsync(Guid id, HttpContext context, RetryPublishJobCommand retry, CancellationToken cancellationToken)
    {
        var retried = await retry.ExecuteAsync(context.Caller().Actor, id, cancellationToken);
        if (!retried.Succeeded)
        {
            return ApiProblems.For(retried.Error);
        }

        var (job, again) = (retried.Value.Job.WithoutWorkerSecrets(), retried.Value.AlreadySubmitted);
        if (!again)
        {
            context.CountPostCreated();
        }

        return again ? TypedResults.Ok(ApiPost.From(job)) : TypedResults.Created($"{ApiEndpoints.BasePath}/posts/{job.Id}", ApiPost.From(job));
    }
}
