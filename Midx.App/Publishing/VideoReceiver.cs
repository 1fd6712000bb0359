using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Receives a video in a request body, for the browser's upload and the API's: the bytes go straight to the media folder
/// through one small buffer (never whole in memory), up to 4 GB, under the owner's upload limits (<see cref="UploadGate"/>)
/// and an idle timeout; then they are sniffed and the duration read from the header, and the file is kept only when it
/// passes. Each refusal comes with the HTTP status it is answered with.
/// </summary>
public sealed class VideoReceiver(UploadGate gate, MediaStore store, IOptions<PublishingOptions> publishing, TimeProvider time, ILogger<VideoReceiver> logger)
{
    private const int CopyBufferSize = 128 * 1024;

    /// <summary>
    /// Finds the file's bytes (and its name) in the body, or refuses before a byte of it is stored: the browser's form
    /// checks its antiforgery token first; the API's body is the file.
    /// </summary>
    public delegate Task<(Stream? Source, string? FileName, PublishingError? Refusal)> OpenSource(Stream body);

    /// <param name="ownerId">Whose folder keeps the video (<see cref="MediaStore.OwnerOf"/>), also whose upload limits apply.</param>
    /// <param name="mediaId">The id the video is to have, when the caller gave it out before (the API's upload); otherwise a new one.</param>
    /// <param name="envelopeBytes">What the body may carry beyond the file (a multipart form's boundaries and token field).</param>
    public async Task<VideoReceipt> ReceiveAsync(HttpContext context, Guid ownerId, Guid? mediaId, long envelopeBytes, OpenSource open, CancellationToken cancellationToken)
    {
        // Only an upload accepts a body this large; Kestrel's default (about 28 MB) stays everywhere else.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = VideoLimits.MaxBytes + envelopeBytes;
        }

        if (context.Request.ContentLength > VideoLimits.MaxBytes + envelopeBytes)
        {
            return VideoReceipt.Refused(VideoErrors.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        var idleTimeout = publishing.Value.UploadIdleTimeout;
        await using var body = new IdleTimeoutStream(context.Request.BodyReader, idleTimeout, time);
        try
        {
            var (source, fileName, refusal) = await open(body);
            if (refusal is not null)
            {
                return VideoReceipt.Refused(refusal, StatusCodes.Status400BadRequest);
            }

            if (source is null)
            {
                return VideoReceipt.Refused(new PublishingError(ErrorCatalog.NoFile), StatusCodes.Status400BadRequest);
            }

            var (pass, busy, retryAfter) = gate.TryEnter(ownerId);
            if (busy is not null)
            {
                return VideoReceipt.Refused(busy, StatusCodes.Status429TooManyRequests, retryAfter);
            }

            using (pass)
            {
                return await StoreAsync(context, source, store.Begin(ownerId, mediaId), fileName, cancellationToken);
            }
        }
        catch (Exception e) when (e is TimeoutException or BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout })
        {
            // Our idle timeout, or Kestrel's minimum data rate (which notices a stall early in a body first): either
            // way the client stopped sending. The partial file is already gone.
            logger.LogInformation("Upload by {OwnerId} stalled: no bytes for {IdleTimeout}", ownerId, idleTimeout);
            return VideoReceipt.Refused(Stalled, StatusCodes.Status408RequestTimeout);
        }
    }

    /// <summary>The answer (408) to an upload whose sender went silent.</summary>
    private static readonly PublishingError Stalled = new(ErrorCatalog.UploadStalled);

    private async Task<VideoReceipt> StoreAsync(HttpContext context, Stream source, PendingMedia pending, string? fileName, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(pending.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (IOException) when (File.Exists(pending.Path))
        {
            // Another request is sending this upload's bytes right now; its file is left alone.
            return VideoReceipt.Refused(new PublishingError(ErrorCatalog.UploadAlreadyReceived), StatusCodes.Status409Conflict);
        }

        var kept = false;
        try
        {
            long? written;
            await using (file)
            {
                written = await CopyAsync(source, file, cancellationToken);
            }

            if (written is null)
            {
                return VideoReceipt.Refused(VideoErrors.TooLarge, StatusCodes.Status413PayloadTooLarge);
            }

            var inspected = await VideoInspector.InspectFileAsync(pending.Path, cancellationToken);
            var problem = inspected.Succeeded ? VideoInspector.CheckDuration(inspected.Value, VideoLimits.MaxApiDurationSeconds) : inspected.Error;
            if (problem is not null)
            {
                logger.LogInformation("Upload by {OwnerId} refused: {Code}", pending.UserId, problem.Code);
                return VideoReceipt.Refused(problem, StatusCodes.Status422UnprocessableEntity);
            }

            var media = await store.CommitAsync(pending, inspected.Value!, fileName, cancellationToken);
            kept = true;
            logger.LogInformation("Upload {MediaId} by {OwnerId} stored: {Size} bytes, {MimeType}, {DurationMs} ms",
                media.Id, pending.UserId, media.Size, media.MimeType, media.DurationMs);
            return new VideoReceipt(media, null, StatusCodes.Status201Created, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return VideoReceipt.Refused(VideoErrors.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            logger.LogInformation("Upload by {OwnerId} was cancelled by its sender", pending.UserId);
            return VideoReceipt.Abandoned;
        }
        finally
        {
            if (!kept)
            {
                store.Delete(pending.UserId, pending.Id);
            }
        }
    }

    /// <summary>Copies the body to the file through one pooled buffer; null when it grows past 4 GB.</summary>
    private static async Task<long?> CopyAsync(Stream source, FileStream file, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                total += read;
                if (total > VideoLimits.MaxBytes)
                {
                    return null;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// How receiving a video ended: the stored video (201), or a refusal with its status (and, for a busy owner, when to
/// come back), or abandoned by its sender (nobody is left to answer).
/// </summary>
public sealed record VideoReceipt(StoredMedia? Media, PublishingError? Error, int Status, TimeSpan? RetryAfter)
{
    public static VideoReceipt Refused(PublishingError error, int status, TimeSpan? retryAfter = null) => new(null, error, status, retryAfter);

    public static VideoReceipt Abandoned { get; } = new(null, null, 0, null);
}
