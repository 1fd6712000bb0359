using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Midx.App.Accounts;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.App.Publishing;

/// <summary>
/// A job's current state as JSON (the post page's picture of it, for scripts and tools), its video for a member's preview, and the Cancel and Retry buttons
/// of the job and history pages as plain form posts (antiforgery, then post/redirect/get). Another user's job is a 404.
/// </summary>
public static class JobEndpoints
{
    /// <summary>The notice for a refused cancel or retry; any other refusal reads as not retryable.</summary>
    private static readonly Dictionary<ErrorCode, JobNotice> Notices = new()
    {
        [ErrorCatalog.NotCancellable] = JobNotice.NotCancellable,
        [ErrorCatalog.NotRetryable] = JobNotice.NotRetryable,
        [ErrorCatalog.VideoMissing] = JobNotice.VideoMissing,
        [ErrorCatalog.AccountNeedsReconnect] = JobNotice.AccountNeedsReconnect,
        [ErrorCatalog.AccountNotFound] = JobNotice.AccountNotFound,
        [ErrorCatalog.AccountDisconnected] = JobNotice.AccountDisconnected,
    };

    public static string StatusPath(Guid jobId) => $"/jobs/{jobId}/status";

    public static string CancelPath(Guid jobId) => $"/jobs/{jobId}/cancel";

    public static string RetryPath(Guid jobId) => $"/jobs/{jobId}/retry";

    /// <summary>The post's video, for the preview of a reviewer or an editor (a link from <see cref="MediaPreviewLinks.CreatePostUrl"/>).</summary>
    public static string VideoPath(Guid jobId) => $"/jobs/{jobId}/video";

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/jobs/{id:guid}").RequireAuthorization();
        jobs.MapGet("status", StatusAsync);
        jobs.MapPost("cancel", CancelAsync);
        jobs.MapPost("retry", RetryAsync);
        jobs.MapGet("video", VideoAsync);
        return app;
    }

    private static async Task<IResult> StatusAsync(Guid id, HttpContext context, PostDetailQuery query, CancellationToken cancellationToken)
    {
        if (context.User.GetUserId() is not { } userId || await query.ExecuteAsync(userId, id, cancellationToken) is not { } detail)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        // The history too, so a page that was disconnected can fill in the steps it missed.
        return Results.Json(new JobStatusResponse(
            detail.Update,
            detail.Events.Select(e => new JobEventView(e.State, JobStateMachine.Label(e.State), e.Message, e.ErrorCode, e.LogId, e.At)).ToList()));
    }

    private static async Task<IResult> VideoAsync(
        Guid id, string? t, HttpContext context, MediaPreviewLinks links, PostVideoQuery query, CancellationToken cancellationToken)
    {
        // A stranger, an old or borrowed link and a video no longer kept all get the same 404.
        if (context.User.GetUserId() is not { } userId || !links.IsValidForPost(t, userId, id)
            || await query.ExecuteAsync(userId, id, cancellationToken) is not { } video)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(video.Path, video.MimeType, enableRangeProcessing: true);
    }

    private static async Task<IResult> CancelAsync(
        Guid id, HttpContext context, IAntiforgery antiforgery, CancelPublishJobCommand cancel, CancellationToken cancellationToken)
    {
        if (context.User.GetUserId() is not { } userId)
        {
            return Results.NotFound();
        }

        var back = await ReturnUrlAsync(context, id, cancellationToken);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Redirect(WithNotice(back, JobNotice.FormExpired));
        }

        var result = await cancel.ExecuteAsync(PostActor.Member(userId), id, cancellationToken);
        if (!result.Succeeded && result.Error.Code == ErrorCatalog.JobNotFound)
        {
            return Results.NotFound();
        }

        return Results.Redirect(WithNotice(back, result.Succeeded ? JobNotice.Cancelled : NoticeFor(result.Error.Code)));
    }

    private static async Task<IResult> RetryAsync(
        Guid id, HttpContext context, IAntiforgery antiforgery, RetryPublishJobCommand retry, CancellationToken cancellationToken)
    {
        if (context.User.GetUserId() is not { } userId)
        {
            return Results.NotFound();
        }

        var back = await ReturnUrlAsync(context, id, cancellationToken);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Redirect(WithNotice(back, JobNotice.FormExpired));
        }

        var result = await retry.ExecuteAsync(PostActor.Member(userId), id, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error.Code == ErrorCatalog.JobNotFound ? Results.NotFound() : Results.Redirect(WithNotice(back, NoticeFor(result.Error.Code)));
        }

        // The new attempt has its own page; from the history list the person stays on the list.
        var target = back.StartsWith("/history", StringComparison.Ordinal) ? back : JobPage.Url(result.Value.Job.Id);
        return Results.Redirect(WithNotice(target, JobNotice.Retried));
    }

    /// <summary>Where the button was pressed (a local path from the form), or the job's own page.</summary>
    private static async Task<string> ReturnUrlAsync(HttpContext context, Guid jobId, CancellationToken cancellationToken)
    {
        string? returnUrl = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            returnUrl = form["returnUrl"];
        }

        return ReturnUrl.IsLocal(returnUrl) ? returnUrl! : JobPage.Url(jobId);
    }

    private static JobNotice NoticeFor(ErrorCode code) => Notices.GetValueOrDefault(code, JobNotice.NotRetryable);

    private static string WithNotice(string url, JobNotice notice)
    {
        var queryAt = url.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? url : url[..queryAt];
        var query = QueryHelpers.ParseQuery(queryAt < 0 ? "" : url[queryAt..]);
        var kept = query.Where(q => q.Key != "notice").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString(path, kept.Append(new("notice", notice.ToString())));
    }

    /// <summary>What <c>GET /jobs/{id}/status</c> answers: the job as a live update would describe it, and its history.</summary>
    public sealed record JobStatusResponse(JobUpdate Job, IReadOnlyList<JobEventView> Events);

    /// <summary>One entry of a job's history, as the timeline shows it.</summary>
    public sealed record JobEventView(JobState State, string StateLabel, string? Message, string? ErrorCode, string? LogId, DateTime At)
    {
        /// <summary>Who <see cref="ErrorCode"/> is from, "TikTok" or "Midx".</summary>
        public string? ErrorSource => ErrorCode is null ? null : ErrorCatalog.Find(ErrorCode).Source.ToString();
    }
}
