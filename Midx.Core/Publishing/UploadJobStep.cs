using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// Sends the video to TikTok's upload_url in the chunks <see cref="ChunkPlan"/> sets out
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), streamed from the media file,
/// saving the confirmed byte count after every chunk. A 5xx (or no answer) is
/// retried on the same chunk with a doubling wait; a 416 re-syncs from the bytes TikTok confirms (its Content-Range,
/// else the status's uploaded_bytes); 403/404 mean the upload_url is gone and the job fails, since only a new init
/// could go on. A restarted worker starts at the row's byte count and lets TikTok's 416 correct it.
/// </summary>
public sealed class UploadJobStep(
    ApplyJobChangeCommand apply,
    ReleaseJobMediaCommand release,
    JobTokens tokens,
    StatusPollRateLimiter pollLimiter,
    TikTokApiClient tikTok,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<UploadJobStep> logger)
{
    /// <summary>Re-syncs in a row without an accepted chunk before the upload is given up.</summary>
    private const int MaxResyncs = 3;

    private const string NothingPosted = "Nothing was posted; retry to send the video again.";

    public async Task<StepResult> RunAsync(PublishJob job, CancellationToken cancellationToken)
    {
        if (job.UploadUrl is null || job.PublishId is null || !ChunkPlan.IsSupportedSize(job.FileSize))
        {
            return await FailAsync(job, ErrorCatalog.UploadNotFound, "Midx lost TikTok's upload link for this video. " + NothingPosted, cancellationToken);
        }

        var plan = ChunkPlan.For(job.FileSize);
        FileStream video;
        try
        {
            video = new FileStream(job.MediaPath ?? "", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81_920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            return await FailAsync(job, ErrorCatalog.MediaMissing,
                "The video file was deleted from Midx before all of it reached TikTok. Nothing was posted; upload the video again.", cancellationToken);
        }

        await using (video)
        {
            if (video.Length != plan.VideoSize)
            {
                return await FailAsync(job, ErrorCatalog.MediaMissing,
                    "The video file on Midx changed before all of it reached TikTok. Nothing was posted; upload the video again.", cancellationToken);
            }

            var contentType = job.MimeType ?? "video/mp4";
            var next = ChunkResume.StartIndex(plan, job.BytesUploaded);
            if (job.BytesUploaded > 0
                && await apply.ExecuteAsync(job, new JobChange(JobState.Uploading) { Message = JobLease.ResumingMessage(job) }, cancellationToken) is null)
            {
                return StepResult.Done;
            }

            var resyncs = 0;
            while (next < plan.TotalChunkCount)
            {
                var chunk = plan.Chunk(next);
                var (result, attempts) = await PutWithRetriesAsync(job, video, chunk, contentType, cancellationToken);

                var part = $"part {chunk.Index + 1} of {plan.TotalChunkCount}";
                switch (result.Outcome)
                {
                    case ChunkUploadOutcome.Completed:
                        return await CompleteAsync(job, plan, cancellationToken);
                    case ChunkUploadOutcome.Accepted:
                        if (await apply.ExecuteAsync(job, new JobChange(JobState.Uploading) { BytesUploaded = chunk.Last + 1 }, cancellationToken) is null)
                        {
                            return StepResult.Done;
                        }

                        next++;
                        resyncs = 0;
                        break;
                    case ChunkUploadOutcome.OutOfSync:
                        if (++resyncs > MaxResyncs)
                        {
                            return await FailAsync(job, ErrorCatalog.UploadOutOfSync,
                                "TikTok and Midx kept disagreeing about how much of the video had arrived. " + NothingPosted, cancellationToken);
                        }

                        var confirmed = result.UploadedBytes ?? await UploadedBytesFromStatusAsync(job, cancellationToken);
                        var point = ChunkResume.Resync(plan, confirmed);
                        logger.LogInformation("Job {JobId}: TikTok answered 416 to {ChunkIndex}; it confirms {ConfirmedBytes} bytes → {ResumeKind} {ResumeChunk}",
                            job.Id, chunk.Index, confirmed, point.Kind, point.ChunkIndex);
                        if (point.Kind == ResumeKind.Complete)
                        {
                            return await CompleteAsync(job, plan, cancellationToken);
                        }

                        if (point.Kind == ResumeKind.Mismatch)
                        {
                            return await FailAsync(job, ErrorCatalog.UploadOutOfSync,
                                $"TikTok reported {confirmed} bytes received, which does not match how Midx split the video. " + NothingPosted, cancellationToken);
                        }

                        next = point.ChunkIndex;
                        var first = plan.Chunk(next).First;
                        if (first != job.BytesUploaded
                            && await apply.ExecuteAsync(job, new JobChange(JobState.Uploading) { BytesUploaded = first }, cancellationToken) is null)
                        {
                            return StepResult.Done;
                        }

                        break;
                    case ChunkUploadOutcome.Expired:
                        return await FailAsync(job, ErrorCatalog.UploadExpired,
                            $"TikTok's upload link expired before all of the video was sent (TikTok allows one hour; {part} was refused). " + NothingPosted,
                            cancellationToken);
                    case ChunkUploadOutcome.NotFound:
                        return await FailAsync(job, ErrorCatalog.UploadNotFound,
                            $"TikTok no longer knows this upload, so {part} could not be sent. " + NothingPosted, cancellationToken);
                    case ChunkUploadOutcome.ServerError:
                        return await FailAsync(job, ErrorCatalog.UploadServerError,
                            $"TikTok's upload server failed {attempts} times in a row on {part}. Nothing was posted; retry in a few minutes.", cancellationToken);
                    default:
                        return await FailAsync(job, ErrorCatalog.UploadRejected,
                            $"TikTok's upload server refused {part} (HTTP {result.HttpStatus}). Nothing was posted; retry, and tell us if it happens again.",
                            cancellationToken);
                }
            }

            // Every chunk was accepted with 206 but none with 201: ask where TikTok stands before going on.
            return ChunkResume.Resync(plan, await UploadedBytesFromStatusAsync(job, cancellationToken)).Kind == ResumeKind.Complete
                ? await CompleteAsync(job, plan, cancellationToken)
                : await FailAsync(job, ErrorCatalog.UploadOutOfSync, "TikTok did not confirm the end of the upload. " + NothingPosted, cancellationToken);
        }
    }

    private async Task<(ChunkUploadResult Result, int Attempts)> PutWithRetriesAsync(
        PublishJob job, Stream video, ChunkRange chunk, string contentType, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var last = new ChunkUploadResult(ChunkUploadOutcome.ServerError, 0, null);
        var attempt = 0;
        while (attempt <= settings.ChunkRetries)
        {
            if (attempt > 0)
            {
                var wait = RetryDelay.Doubling(settings.ChunkRetryBaseDelay, attempt, TimeSpan.MaxValue);
                await Task.Delay(wait, time, cancellationToken);
            }

            attempt++;
            try
            {
                last = await tikTok.UploadChunkAsync(job.UploadUrl!, video, chunk, contentType, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                // The chunk may or may not have arrived; sending it again is safe, since TikTok answers 416 if it has it.
                logger.LogWarning("Job {JobId}: chunk {ChunkIndex} got no answer ({Fault}), attempt {Attempt}", job.Id, chunk.Index, e.GetType().Name, attempt);
                last = new ChunkUploadResult(ChunkUploadOutcome.ServerError, 0, null);
                continue;
            }

            if (last.Outcome != ChunkUploadOutcome.ServerError)
            {
                return (last, attempt);
            }
        }

        return (last, attempt);
    }

    /// <summary>
    /// The status's uploaded_bytes, for a 416 that carried no Content-Range; null when it cannot be had now.
    /// </summary>
    private async Task<long?> UploadedBytesFromStatusAsync(PublishJob job, CancellationToken cancellationToken)
    {
        var permit = await pollLimiter.TryAcquireAsync(job.TikTokAccountId, options.Value.StatusPollsPerMinute, cancellationToken);
        if (!permit.Granted)
        {
            return null;
        }

        var token = await tokens.GetAsync(job.TikTokAccountId, cancellationToken);
        if (token.AccessToken is null)
        {
            return null;
        }

        try
        {
            var status = await tikTok.FetchStatusAsync(token.AccessToken, job.PublishId!, cancellationToken);
            return status.IsSuccess ? status.Value.UploadedBytes : null;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            return null;
        }
    }

    private async Task<StepResult> CompleteAsync(PublishJob job, ChunkPlan plan, CancellationToken cancellationToken)
    {
        var next = time.GetUtcNow().UtcDateTime + options.Value.FirstStatusPollDelay;
        job.NextPollAt = next;
        if (await apply.ExecuteAsync(job, new JobChange(JobState.Processing)
            {
                BytesUploaded = plan.VideoSize,
                Message = "All of the video reached TikTok. TikTok is checking it now.",
            }, cancellationToken) is null)
        {
            return StepResult.Done;
        }

        await release.ExecuteAsync(job, cancellationToken);
        return StepResult.WaitUntil(next);
    }

    private async Task<StepResult> FailAsync(PublishJob job, ErrorCode code, string message, CancellationToken cancellationToken)
    {
        await apply.ExecuteAsync(job, new JobChange(JobState.Failed) { Message = message, ErrorCode = code }, cancellationToken);
        return StepResult.Done;
    }
}
