using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// One status check of a job TikTok has
/// (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status), within 30 checks per minute per
/// account (<see cref="StatusPollRateLimiter"/>), scheduling the next one (<see cref="StatusPollSchedule"/>).
/// PUBLISH_COMPLETE → Published (with the public post id when TikTok gives one); SEND_TO_USER_INBOX → SentToInbox,
/// then checked slowly to learn whether the creator posted it; FAILED → Failed with TikTok's reason in plain words
/// and its log id. A job still processing after <see cref="PublishingOptions.ProcessingWarningAfter"/> says so once
/// and stays Processing, checked slowly until TikTok decides (TikTok guarantees no processing time).
/// A check whose access token TikTok refuses is replayed once with a renewed token (<see cref="JobTokens.CallAsync{T}"/>);
/// if that one is refused too, the account needs reconnecting and the job is held in its state
/// (<see cref="HoldBlockedJobsCommand"/> notes why): TikTok has the video, so the checks simply go on after the reconnect.
/// </summary>
public sealed class PollJobStep(
    MidxDbContext db,
    ApplyJobChangeCommand apply,
    ReleaseJobMediaCommand release,
    JobTokens tokens,
    StatusPollRateLimiter limiter,
    TikTokApiClient tikTok,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<PollJobStep> logger)
{
    public async Task<StepResult> RunAsync(PublishJob job, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (job.PublishId is null)
        {
            await apply.ExecuteAsync(job, new JobChange(JobState.Failed)
            {
                ErrorCode = ErrorCatalog.InitOutcomeUnknown,
                Message = "Midx has no record of TikTok's id for this upload. " + ErrorCatalog.InitOutcomeUnknown.Message,
            }, cancellationToken);
            return StepResult.Done;
        }

        var permit = await limiter.TryAcquireAsync(job.TikTokAccountId, settings.StatusPollsPerMinute, cancellationToken);
        if (!permit.Granted)
        {
            return StepResult.WaitUntil(permit.RetryAt);
        }

        var token = await tokens.GetAsync(job.TikTokAccountId, cancellationToken);
        if (token.AccessToken is null)
        {
            return tokens.WithoutToken(token);
        }

        TikTokResult<TikTokPublishStatus> answer;
        try
        {
            // The refused check did not count at TikTok (the token is checked before anything else), so a replay with
            // the renewed token uses the permit taken above.
            var publishId = job.PublishId;
            var call = await tokens.CallAsync(job, "status check", token.AccessToken,
                (accessToken, ct) => tikTok.FetchStatusAsync(accessToken, publishId, ct), cancellationToken);
            if (call.RefusedToken is not null)
            {
                // TikTok has the video; the job keeps its state and its checks go on once the account is reconnected.
                return tokens.WithoutToken(call.Renewal!);
            }

            answer = call.Answer;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Job {JobId}: the status check got no answer ({Fault})", job.Id, e.GetType().Name);
            return StepResult.WaitUntil(Now + settings.MaxStatusPollInterval);
        }

        if (!answer.IsSuccess)
        {
            return await OnErrorAsync(job, answer.Error, cancellationToken);
        }

        var status = answer.Value;
        logger.LogInformation("Job {JobId}: TikTok status {TikTokStatus}, fail_reason {FailReason} (log_id {TikTokLogId})",
            job.Id, status.Status, status.FailReason, answer.LogId);
        var meaning = TikTokStatusMapping.Map(status.Status ?? "", status.FailReason, job.Mode);
        switch (meaning.State)
        {
            case JobState.Published when job.State == JobState.Published:
                return await AwaitPublicPostIdAsync(job, status.PublicalyAvailablePostId.FirstOrDefault(), cancellationToken);
            case JobState.Published:
                var changed = await apply.ExecuteAsync(job, new JobChange(JobState.Published)
                {
                    Message = meaning.Message,
                    TikTokStatus = status.Status,
                    PublicPostId = status.PublicalyAvailablePostId.FirstOrDefault(),
                    LogId = answer.LogId,
                }, cancellationToken);
                if (changed is null)
                {
                    return StepResult.Done;
                }

                await release.ExecuteAsync(job, cancellationToken);
                if (AwaitsPublicPostId(job))
                {
                    // Reaching a terminal state gave the lease back already, so the next check is saved here.
                    job.NextPollAt = Now + settings.SlowPollInterval;
                    await db.SaveChangesAsync(cancellationToken);
                }

                return StepResult.Done;
            case JobState.Failed:
                await apply.ExecuteAsync(job, new JobChange(JobState.Failed)
                {
                    Message = meaning.Message,
                    TikTokStatus = status.Status,
                    ErrorCode = TikTokStatusMapping.FailureCode(status.FailReason),
                    LogId = answer.LogId,
                }, cancellationToken);
                return StepResult.Done;
            case JobState.SentToInbox:
                return await InInboxAsync(job, status, meaning, cancellationToken);
            default:
                return await StillProcessingAsync(job, status, meaning, cancellationToken);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;


    /// <summary>
    /// TikTok names a public post's id only once its moderation is done, which can be after PUBLISH_COMPLETE
    /// (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status), so a public Direct Post
    /// stays watched until the id arrives or the watch ends.
    /// </summary>
    public static bool AwaitsPublicPostId(PublishJob job) =>
        job is { State: JobState.Published, PublicPostId: null, Mode: PublishMode.Direct, PrivacyLevel: PublicPrivacyLevel };

    private const string PublicPrivacyLevel = "PUBLIC_TO_EVERYONE";

    private async Task<StepResult> AwaitPublicPostIdAsync(PublishJob job, string? postId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (postId is not null)
        {
            job.PublicPostId = postId;
            job.NextPollAt = null;
            await apply.NoteAsync(job, "TikTok finished reviewing the post: it is public, and its link is ready.", ErrorCatalog.PostIdArrived, keepOnJob: false, cancellationToken);
            return StepResult.Stop;
        }

        var publishedAt = job.CompletedAt ?? Now;
        return Now - publishedAt < settings.InboxWatchDuration ? StepResult.WaitUntil(Now + settings.SlowPollInterval) : StepResult.Stop;
    }

    private async Task<StepResult> InInboxAsync(PublishJob job, TikTokPublishStatus status, TikTokStatusMeaning meaning, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (job.State != JobState.SentToInbox)
        {
            if (await apply.ExecuteAsync(job, new JobChange(JobState.SentToInbox) { Message = meaning.Message, TikTokStatus = status.Status }, cancellationToken) is null)
            {
                return StepResult.Done;
            }

            await release.ExecuteAsync(job, cancellationToken);
            return StepResult.WaitUntil(Now + settings.SlowPollInterval);
        }

        var since = await FirstEventAtAsync(job, JobState.SentToInbox, cancellationToken);
        if (Now - since < settings.InboxWatchDuration)
        {
            return StepResult.WaitUntil(Now + settings.SlowPollInterval);
        }

        await apply.NoteAsync(job,
            "Midx has stopped checking whether you posted this draft. If you post it from your TikTok inbox, it appears on your profile as usual.",
            ErrorCatalog.InboxWatchEnded, keepOnJob: false, cancellationToken);
        return StepResult.Stop;
    }

    private async Task<StepResult> StillProcessingAsync(PublishJob job, TikTokPublishStatus status, TikTokStatusMeaning meaning, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (job.State == JobState.SentToInbox)
        {
            // TikTok does not go back from the inbox; keep watching at the inbox's pace.
            return StepResult.WaitUntil(Now + settings.SlowPollInterval);
        }

        if (status.Status != job.TikTokStatus
            && await apply.ExecuteAsync(job, new JobChange(JobState.Processing) { Message = meaning.Message, TikTokStatus = status.Status }, cancellationToken) is null)
        {
            return StepResult.Done;
        }

        var processingFor = Now - await FirstEventAtAsync(job, JobState.Processing, cancellationToken);
        if (processingFor >= settings.ProcessingWarningAfter
            && !await db.PublishEvents.AnyAsync(e => e.JobId == job.Id && e.ErrorCode == ErrorCatalog.StillProcessing.Value, cancellationToken))
        {
            var note = $"Still processing after {Describe(settings.ProcessingWarningAfter)}: TikTok has not finished with this video yet and gave no "
                + $"reason. This sometimes takes hours. Midx keeps checking every {Describe(settings.SlowPollInterval)} and updates this page "
                + "when TikTok decides; nothing needs doing meanwhile.";
            if (await apply.NoteAsync(job, note, ErrorCatalog.StillProcessing, keepOnJob: false, cancellationToken) is null)
            {
                return StepResult.Done;
            }
        }

        return StepResult.WaitUntil(Now + StatusPollSchedule.NextDelay(processingFor, settings));
    }

    private async Task<StepResult> OnErrorAsync(PublishJob job, TikTokError error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        switch (error.Kind)
        {
            case TikTokErrorKind.StatusLookup or TikTokErrorKind.Reconnect when job.State == JobState.Processing:
                await apply.ExecuteAsync(job, new JobChange(JobState.Failed)
                {
                    ErrorCode = error.Code,
                    LogId = error.LogId,
                    Message = error.UserMessage + " Midx cannot learn how this upload ended: check your TikTok profile before posting it again.",
                }, cancellationToken);
                return StepResult.Done;
            case TikTokErrorKind.StatusLookup or TikTokErrorKind.Reconnect:
                await apply.NoteAsync(job, error.UserMessage + " Midx has stopped checking this draft; open your TikTok inbox to see it.",
                    error.Code, keepOnJob: false, cancellationToken);
                return StepResult.Stop;
            default:
                // TikTok busy or failing on its side: the job keeps its state and is checked again later.
                var wait = error.Is(ErrorCatalog.RateLimitExceeded) ? StatusPollRateLimiter.Window : settings.MaxStatusPollInterval;
                return StepResult.WaitUntil(Now + wait);
        }
    }

    private async Task<DateTime> FirstEventAtAsync(PublishJob job, JobState state, CancellationToken cancellationToken) =>
        await db.PublishEvents.Where(e => e.JobId == job.Id && e.State == state).OrderBy(e => e.At).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(cancellationToken)
        ?? job.UpdatedAt;

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{span.TotalDays:0.#} days",
        { TotalHours: >= 1 } => $"{span.TotalHours:0.#} hours",
        { TotalMinutes: >= 1 } => $"{span.TotalMinutes:0.#} minutes",
        _ => $"{Math.Max(1, span.TotalSeconds):0} seconds",
    };
}
