using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>
/// Works one claimed job from where its row says it is: Scheduled → Queued → init → upload → first status check,
/// then gives the job back with its next check time. Status checks after that are separate claims, so nothing
/// waits in memory. The lease is kept alive by <see cref="JobLeaseKeeper"/> while the job runs. A bug or fault in a
/// step is logged once; the job is then retried later, except one caught between init and TikTok's answer, which
/// fails honestly (a second init could be a second post).
/// </summary>
public sealed class PublishJobRunner(
    MidxDbContext db,
    ApplyJobChangeCommand apply,
    InitJobStep init,
    UploadJobStep upload,
    PollJobStep poll,
    JobLease lease,
    JobLeaseKeeper leaseKeeper,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<PublishJobRunner> logger)
{
    public async Task RunAsync(Guid jobId, string owner, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.LeaseOwner == owner, cancellationToken);
        if (job is null)
        {
            return;
        }

        await using var held = leaseKeeper.Hold(jobId, owner, cancellationToken);
        StepResult result;
        try
        {
            result = await RunStepsAsync(job, held.Token);
        }
        catch (OperationCanceledException) when (held.Lost)
        {
            // Another worker took the job over (this one stalled past its lease): its row is that worker's now.
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the row already says where the job is; give it back so the next start picks it up at once.
            await lease.ReleaseAsync(jobId, owner, StepResult.Done, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} hit an unexpected error in {State}", jobId, job.State);
            result = await AfterErrorAsync(jobId, cancellationToken);
        }

        await lease.ReleaseAsync(jobId, owner, result, cancellationToken);
    }

    private async Task<StepResult> RunStepsAsync(PublishJob job, CancellationToken cancellationToken)
    {
        if (job.TikTokAccountId is null)
        {
            // Claimed just before its account was disconnected: the disconnect settled the job; without a token there is
            // nothing more to do for it.
            return StepResult.Stop;
        }

        if (ErrorCatalog.IsHold(job.ErrorCode))
        {
            // The hold is over (the claim only takes runnable jobs): the job no longer shows the reason it waited.
            job.ErrorCode = null;
            job.ErrorMessage = null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return StepResult.Done;
            }
        }

        while (true)
        {
            var step = job.State switch
            {
                JobState.Scheduled => await apply.ExecuteAsync(job, new JobChange(JobState.Queued) { Message = "It's time: sending it to TikTok now." }, cancellationToken)
                    is null ? StepResult.Done : StepResult.Continue,
                JobState.Queued => await init.RunAsync(job, cancellationToken),
                JobState.Initializing => await init.InterruptedAsync(job, cancellationToken),
                JobState.Uploading => await upload.RunAsync(job, cancellationToken),
                JobState.Processing or JobState.SentToInbox => await poll.RunAsync(job, cancellationToken),
                JobState.Published when PollJobStep.AwaitsPublicPostId(job) => await poll.RunAsync(job, cancellationToken),
                _ => StepResult.Done,
            };
            if (step.Kind != StepKind.Continue)
            {
                return step;
            }
        }
    }

    private async Task<StepResult> AfterErrorAsync(Guid jobId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var job = await db.PublishJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || JobStateMachine.IsTerminal(job.State))
        {
            return StepResult.Done;
        }

        if (job.InitStartedAt is not null && job.PublishId is null)
        {
            await apply.ExecuteAsync(job, new JobChange(JobState.Failed)
            {
                ErrorCode = ErrorCatalog.InitOutcomeUnknown,
                Message = "Midx ran into an error of its own while TikTok was being asked to start this upload. " + ErrorCatalog.InitOutcomeUnknown.Message,
            }, cancellationToken);
            return StepResult.Done;
        }

        return StepResult.WaitUntil(time.GetUtcNow().UtcDateTime + options.Value.RetryDelay);
    }
}
