using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// The one init of a job (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post, or
/// https://developers.tiktok.com/doc/content-posting-api-reference-upload-video for an inbox draft).
/// <see cref="PublishJob.InitStartedAt"/> is saved before the call and publish_id + upload_url at once after it, so a
/// restart can always tell what happened; a job with InitStartedAt and no publish_id is never initialized again: a
/// second init could be a second post. The one exception is an answer in which TikTok refused the access token
/// (<c>access_token_invalid</c>): TikTok checks the token before anything else and creates nothing for a request it
/// refuses (its advice is "refresh the token and retry",
/// https://developers.tiktok.com/doc/tiktok-api-v2-error-handling), so such a call does not count as the init. It is
/// replayed once with a renewed token; if that one is refused too (or the token cannot be renewed), the job goes back
/// to Queued with InitStartedAt cleared, as if init had never been called, and is held like any job of an account that
/// needs reconnecting (<see cref="HoldBlockedJobsCommand"/>): after the reconnect its init runs, for the first time as
/// far as TikTok knows. A 429 <c>rate_limit_exceeded</c> is the other answer for which TikTok created nothing; such a
/// job goes back to Queued and starts again a minute later (<see cref="RateLimitedAsync"/>).
/// </summary>
public sealed class InitJobStep(
    MidxDbContext db,
    ApplyJobChangeCommand apply,
    JobTokens tokens,
    TikTokApiClient tikTok,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<InitJobStep> logger)
{
    /// <summary>Inits refused with 429 that are started again a minute later before the job fails.</summary>
    public const int MaxRateLimitedInits = 5;

    public async Task<StepResult> RunAsync(PublishJob job, CancellationToken cancellationToken)
    {
        if (job.InitStartedAt is not null)
        {
            return await InterruptedAsync(job, cancellationToken);
        }

        var token = await tokens.GetAsync(job.TikTokAccountId, cancellationToken);
        if (token.AccessToken is null)
        {
            return tokens.WithoutToken(token);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await NextInitSlotAsync(job.TikTokAccountId, now, cancellationToken) is { } slot)
        {
            return StepResult.WaitUntil(slot);
        }

        TikTokSourceInfo source;
        if (job.Source == VideoSource.File)
        {
            if (job.MediaPath is null || !File.Exists(job.MediaPath) || new FileInfo(job.MediaPath).Length != job.FileSize || !ChunkPlan.IsSupportedSize(job.FileSize))
            {
                return await FailAsync(job, ErrorCatalog.MediaMissing,
                    "The video file is no longer on Midx, so nothing was sent to TikTok. Upload the video again and post it.", null, cancellationToken);
            }

            source = TikTokSourceInfo.FileUpload(ChunkPlan.For(job.FileSize));
        }
        else
        {
            source = TikTokSourceInfo.PullFromUrl(job.SourceUrl!);
        }

        job.InitStartedAt = now;
        // What TikTok said when it refused an earlier attempt (NotStartedAsync) no longer applies to this one.
        job.ErrorCode = null;
        job.ErrorMessage = null;
        job.ErrorLogId = null;
        if (await apply.ExecuteAsync(job, new JobChange(JobState.Initializing) { Message = "Starting the upload on TikTok." }, cancellationToken) is null)
        {
            return StepResult.Done;
        }

        TikTokResult<TikTokPublishInit> answer;
        try
        {
            var call = await tokens.CallAsync(job, "init", token.AccessToken, (accessToken, ct) => InitAsync(job, accessToken, source, ct), cancellationToken);
            if (call.RefusedToken is { } refusal)
            {
                return await TokenRefusedAsync(job, refusal, call.Renewal!, cancellationToken);
            }

            answer = call.Answer;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Job {JobId}: the init call to TikTok got no answer ({Fault})", job.Id, e.GetType().Name);
            return await FailAsync(job, ErrorCatalog.InitOutcomeUnknown,
                "TikTok did not answer while the upload was being started. " + ErrorCatalog.InitOutcomeUnknown.Message, null, cancellationToken);
        }

        if (!answer.IsSuccess && answer.Error.Is(ErrorCatalog.RateLimitExceeded)
            && await RateLimitedInitsAsync(job.Id, cancellationToken) < MaxRateLimitedInits)
        {
            return await RateLimitedAsync(job, answer.Error, now, cancellationToken);
        }

        if (!answer.IsSuccess)
        {
            var (code, message) = Explain(answer.Error);
            return await FailAsync(job, code, message, answer.LogId, cancellationToken);
        }

        job.PublishId = answer.Value.PublishId;
        job.UploadUrl = answer.Value.UploadUrl;
        if (job.Source == VideoSource.File)
        {
            var plan = ChunkPlan.For(job.FileSize);
            var parts = plan.TotalChunkCount == 1 ? "in one part" : $"in {plan.TotalChunkCount} parts";
            return await apply.ExecuteAsync(job, new JobChange(JobState.Uploading) { Message = $"TikTok is ready for the video; sending it {parts}.", BytesUploaded = 0 },
                cancellationToken) is null ? StepResult.Done : StepResult.Continue;
        }

        job.NextPollAt = now + options.Value.FirstStatusPollDelay;
        return await apply.ExecuteAsync(job, new JobChange(JobState.Processing) { Message = "TikTok is downloading the video from its link." },
            cancellationToken) is null ? StepResult.Done : StepResult.WaitUntil(job.NextPollAt.Value);
    }

    /// <summary>A job found in Initializing (or with InitStartedAt) without a publish_id: the init's outcome is unknown.</summary>
    public async Task<StepResult> InterruptedAsync(PublishJob job, CancellationToken cancellationToken)
    {
        if (job.PublishId is not null && job.State == JobState.Initializing)
        {
            var next = job.Source == VideoSource.File ? JobState.Uploading : JobState.Processing;
            return await apply.ExecuteAsync(job, new JobChange(next), cancellationToken) is null ? StepResult.Done : StepResult.Continue;
        }

        logger.LogWarning("Job {JobId} was interrupted after its init call started and before TikTok's answer was saved", job.Id);
        return await FailAsync(job, ErrorCatalog.InitOutcomeUnknown,
            "Midx stopped while TikTok was being asked to start this upload. " + ErrorCatalog.InitOutcomeUnknown.Message, null, cancellationToken);
    }

    /// <summary>
    /// TikTok allows 6 inits per minute per token (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit). Counted
    /// from the saved InitStartedAt of the account's jobs, so every instance sees the same count; null when an init may
    /// start now.
    /// </summary>
    private async Task<DateTime?> NextInitSlotAsync(Guid? accountId, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - StatusPollRateLimiter.Window;
        var recent = await db.PublishJobs.AsNoTracking()
            .Where(j => j.TikTokAccountId == accountId && j.InitStartedAt > since)
            .Select(j => j.InitStartedAt!.Value)
            .ToListAsync(cancellationToken);
        return recent.Count < options.Value.InitsPerMinute ? null : recent.Min() + StatusPollRateLimiter.Window;
    }

    private Task<TikTokResult<TikTokPublishInit>> InitAsync(PublishJob job, string accessToken, TikTokSourceInfo source, CancellationToken cancellationToken) =>
        job.Mode == PublishMode.Direct
            ? tikTok.InitDirectPostAsync(accessToken, new TikTokPostInfo
            {
                PrivacyLevel = job.PrivacyLevel ?? "",
                Title = string.IsNullOrEmpty(job.Caption) ? null : job.Caption,
                DisableComment = job.DisableComment,
                DisableDuet = job.DisableDuet,
                DisableStitch = job.DisableStitch,
                VideoCoverTimestampMs = job.CoverTimestampMs,
                BrandContentToggle = job.BrandContentToggle,
                BrandOrganicToggle = job.BrandOrganicToggle,
                IsAigc = job.IsAigc,
            }, source, cancellationToken)
            : tikTok.InitInboxUploadAsync(accessToken, source, cancellationToken);

    /// <summary>
    /// A 429 at init: TikTok refused the request before creating anything
    /// (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit), so, like a refused token, it does not count as the
    /// init. The job goes back to Queued with InitStartedAt cleared and starts again once TikTok's one-minute window has
    /// passed, up to <see cref="MaxRateLimitedInits"/> times; after that it fails with the advice to retry later.
    /// </summary>
    private Task<StepResult> RateLimitedAsync(PublishJob job, TikTokError refusal, DateTime now, CancellationToken cancellationToken) =>
        NotStartedAsync(job, refusal,
            "TikTok asked Midx to slow down: too many uploads were started for this account in the last minute. "
                + "TikTok created nothing, so Midx starts this one again in a minute.",
            StepResult.WaitUntil(now + StatusPollRateLimiter.Window), cancellationToken);

    private Task<int> RateLimitedInitsAsync(Guid jobId, CancellationToken cancellationToken) =>
        db.PublishEvents.CountAsync(e => e.JobId == jobId && e.State == JobState.Queued && e.ErrorCode == ErrorCatalog.RateLimitExceeded.Value,
            cancellationToken);

    /// <summary>TikTok's refusal of an init, in words for the creator. A 5xx may have been processed, so it says so.</summary>
    private static (ErrorCode Code, string Message) Explain(TikTokError error)
    {
        if (error.Is(ErrorCatalog.RateLimitExceeded))
        {
            return (error.Code, $"TikTok kept refusing to start the upload because too many were started for this account ({MaxRateLimitedInits} tries, "
                + "a minute apart). Nothing was posted; retry later.");
        }

        if (error.Kind == TikTokErrorKind.Transient || error.HttpStatus >= 500)
        {
            return (error.Code, "TikTok answered with an error of its own while the upload was being started. " + ErrorCatalog.InitOutcomeUnknown.Message);
        }

        var message = error.UserMessage;
        if (error.Is(ErrorCatalog.InvalidParams) && error.TikTokMessage is { } said)
        {
            message += $" TikTok said: \"{said}\"";
        }

        return (error.Code, message);
    }

    /// <summary>
    /// TikTok refused the token, so it created nothing: the job waits for a reconnect or, when renewing only failed for
    /// now, tries again later. The refused calls drop out of the init rate count with InitStartedAt; they were made with
    /// a token TikTok did not accept, and a reconnect brings a new token anyway.
    /// </summary>
    private Task<StepResult> TokenRefusedAsync(PublishJob job, TikTokError refusal, TokenRefreshResult renewed, CancellationToken cancellationToken)
    {
        var next = tokens.WithoutToken(renewed);
        return NotStartedAsync(job, refusal,
            next.Kind == StepKind.Hold
                ? "TikTok refused Midx's access to this account, so nothing was sent. The post waits until the account is reconnected."
                : "TikTok refused Midx's access to this account and it could not be renewed just now, so nothing was sent. Midx tries again shortly.",
            next, cancellationToken);
    }

    /// <summary>
    /// An init TikTok refused before creating anything: the job goes back to Queued as if init had never been called
    /// (InitStartedAt cleared, so the next init is not mistaken for a second one), saying why, then goes on as
    /// <paramref name="next"/> says.
    /// </summary>
    private async Task<StepResult> NotStartedAsync(PublishJob job, TikTokError refusal, string message, StepResult next, CancellationToken cancellationToken)
    {
        job.InitStartedAt = null;
        var change = new JobChange(JobState.Queued) { Message = message, ErrorCode = refusal.Code, LogId = refusal.LogId };
        return await apply.ExecuteAsync(job, change, cancellationToken) is null ? StepResult.Done : next;
    }

    private async Task<StepResult> FailAsync(PublishJob job, ErrorCode code, string message, string? logId, CancellationToken cancellationToken)
    {
        await apply.ExecuteAsync(job, new JobChange(JobState.Failed) { Message = message, ErrorCode = code, LogId = logId }, cancellationToken);
        return StepResult.Done;
    }
}
