using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Midx.App.Hosting;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.App.Publishing;

/// <summary>
/// The browser's video upload, received by <see cref="VideoReceiver"/> (straight to the media folder, up to 4 GB, sniffed
/// and its duration read). Scripts send the raw file
/// with the antiforgery token in a header; without JavaScript a multipart form works too (token field first), and the
/// browser is sent back to the compose page for the TikTok account named in the form's address (<see cref="FormAction"/>).
/// </summary>
public static class UploadEndpoints
{
    public const string Path = "/publishing/uploads";

    /// <summary>The header (also the antiforgery default) that carries the token for a raw-body upload.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>The file's name for a raw-body upload, URI-encoded (for display only).</summary>
    public const string FileNameHeader = "X-File-Name";

    /// <summary>Room for multipart boundaries and the token field around a 4 GB file.</summary>
    private const long MultipartAllowance = 1024 * 1024;

    /// <summary>An antiforgery token is well under 1 KB; the multipart token field may be this long at most.</summary>
    private const int MaxTokenFieldBytes = 4 * 1024;

    /// <summary>
    /// Where the compose page's file form posts: the account it was showing rides in the address, so even a refusal
    /// made before a byte of the body is read (too large) sends the browser back to that account, not the first one.
    /// </summary>
    public static string FormAction(Guid accountId) => $"{Path}?account={accountId:N}";

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup(Path).RequireAuthorization();
        uploads.MapPost("", UploadAsync);
        uploads.MapGet("{id:guid}/preview", PreviewAsync);
        // Any id, so that an unknown or malformed one is this endpoint's JSON 404: a bare 404 would be re-executed as
        // the not-found page, which does not answer DELETE (405).
        uploads.MapDelete("{id}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(
        string? account, HttpContext context, IAntiforgery antiforgery, VideoReceiver receiver, MediaPreviewLinks links, MidxDbContext db,
        CancellationToken cancellationToken)
    {
        if (PublishingUser.IdOf(context.User) is not { } userId)
        {
            return Results.Forbid();
        }

        var wantsHtml = context.Request.HasFormContentType && !AcceptsJson(context.Request);
        var backTo = wantsHtml ? await OwnAccountAsync(db, userId, account, cancellationToken) : null;
        var receipt = await receiver.ReceiveAsync(context, userId, mediaId: null, MultipartAllowance,
            body => OpenSourceAsync(context, body, antiforgery, cancellationToken), cancellationToken);
        if (receipt.Media is { } media)
        {
            return wantsHtml
                ? Results.Redirect(ComposePage.Url(backTo, media.Id))
                : Results.Json(UploadResponse.From(media, links.CreateUrl(userId, media.Id)), statusCode: StatusCodes.Status201Created);
        }

        if (receipt.Error is not { } error)
        {
            return Results.Empty;
        }

        if (receipt.RetryAfter is { } wait)
        {
            RetryAfterHeader.Set(context.Response, wait);
        }

        return wantsHtml ? Results.Redirect(ComposePage.Url(backTo, uploadError: error.Code.Value)) : Results.Json(error, statusCode: receipt.Status);
    }

    /// <summary>The stream holding the file's bytes and its name, after the antiforgery token has been checked.</summary>
    private static async Task<(Stream? Source, string? FileName, PublishingError? Antiforgery)> OpenSourceAsync(
        HttpContext context, Stream body, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.HasFormContentType || !IsMultipart(request))
        {
            if (!await IsAntiforgeryValidAsync(context, antiforgery))
            {
                return (null, null, AntiforgeryRefused);
            }

            var name = request.Headers[FileNameHeader].ToString();
            return (body, string.IsNullOrEmpty(name) ? null : Uri.UnescapeDataString(name), null);
        }

        // A plain HTML form: read the parts in order; the token field comes before the file, so it is checked before
        // a single byte of the file is written. Reading the form the usual way would spool the whole file first.
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        var reader = new MultipartReader(boundary!, body);
        var tokenChecked = false;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFormDisposition() && disposition.Name.Value == "__RequestVerificationToken")
            {
                if (await ReadTokenFieldAsync(section.Body, cancellationToken) is not { } token)
                {
                    return (null, null, AntiforgeryRefused);
                }

                request.Headers[AntiforgeryHeader] = token;
                tokenChecked = await IsAntiforgeryValidAsync(context, antiforgery);
                if (!tokenChecked)
                {
                    return (null, null, AntiforgeryRefused);
                }
            }
            else if (disposition.IsFileDisposition())
            {
                if (!tokenChecked)
                {
                    return (null, null, AntiforgeryRefused);
                }

                return (section.Body, (disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value, null);
            }
        }

        return (null, null, tokenChecked ? null : AntiforgeryRefused);
    }

    /// <summary>
    /// The multipart token field's text, or null when it is longer than <see cref="MaxTokenFieldBytes"/>: no token Midx
    /// issues comes near that, and a field that size is refused after reading that much, never read whole.
    /// </summary>
    private static async Task<string?> ReadTokenFieldAsync(Stream field, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxTokenFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await field.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxTokenFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>The answer (404) to deleting an upload that is not the user's or no longer here.</summary>
    public static PublishingError Gone { get; } = new(ErrorCatalog.UploadGone);

    /// <summary>What the page says when an upload ended without an answer it can read (a proxy's error page, say).</summary>
    public static PublishingError Failed { get; } = new(ErrorCatalog.UploadFailed);

    private static PublishingError AntiforgeryRefused { get; } = new(ErrorCatalog.Antiforgery);

    private static async Task<bool> IsAntiforgeryValidAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static async Task<IResult> PreviewAsync(Guid id, string? t, HttpContext context, MediaStore store, MediaPreviewLinks links, CancellationToken cancellationToken)
    {
        // Anything but the owner with a live link gets the same 404, so nobody can learn whether a video exists.
        if (PublishingUser.IdOf(context.User) is not { } userId || !links.IsValid(t, userId, id)
            || await store.FindAsync(userId, id, cancellationToken) is not { } media)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(media.Path, media.MimeType, enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IAntiforgery antiforgery, MediaStore store, MidxDbContext db, CancellationToken cancellationToken)
    {
        if (PublishingUser.IdOf(context.User) is not { } userId)
        {
            return Results.Forbid();
        }

        if (!await IsAntiforgeryValidAsync(context, antiforgery))
        {
            return Results.Json(AntiforgeryRefused, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!Guid.TryParse(id, out var mediaId) || await store.FindAsync(userId, mediaId, cancellationToken) is not { } media)
        {
            return Results.NotFound(Gone);
        }

        var inUse = await db.PublishJobs.AnyAsync(j => j.UserId == userId && j.MediaPath == media.Path
            && j.State != JobState.Published && j.State != JobState.Failed && j.State != JobState.Cancelled, cancellationToken);
        if (inUse)
        {
            return Results.Json(new PublishingError(ErrorCatalog.UploadInUse),
                statusCode: StatusCodes.Status409Conflict);
        }

        store.Delete(userId, mediaId);
        return Results.NoContent();
    }

    /// <summary>
    /// The compose page's account from the form's address when the user may compose for it; anything else (malformed,
    /// disconnected meanwhile, another workspace's) is dropped, so the redirect never carries an id the user may not use.
    /// </summary>
    private static async Task<Guid?> OwnAccountAsync(MidxDbContext db, Guid userId, string? account, CancellationToken cancellationToken) =>
        Guid.TryParse(account, out var id) && await db.TikTokAccounts
            .AnyAsync(a => a.Id == id && db.WorkspacesWhere(userId, WorkspacePermission.Compose).Contains(a.WorkspaceId), cancellationToken)
            ? id
            : null;

    private static bool AcceptsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The JSON the page's script receives after a good upload.</summary>
    public sealed record UploadResponse(string Id, string FileName, long Size, string MimeType, int DurationMs, string PreviewUrl)
    {
        /// <summary>The stored video's id (<see cref="Id"/> is its "N" form, as the page's address carries it).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid MediaId => Guid.ParseExact(Id, "N");

        public static UploadResponse From(StoredMedia media, string previewUrl) =>
            new(media.Id.ToString("N"), media.FileName, media.Size, media.MimeType, media.DurationMs, previewUrl);
    }
}
