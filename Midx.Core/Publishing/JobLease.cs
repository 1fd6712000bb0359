using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.Publishing;

/// <summary>
/// Keeps and gives back a worker's lease on a job (taken by <see cref="ClaimDueJobsCommand"/>). Every write is
/// conditional on the lease still being this worker's, so a worker that stalled past its lease never overwrites the
/// worker that took the job over.
/// </summary>
public sealed class JobLease(MidxDbContext db, IOptions<PublishingOptions> options, TimeProvider time)
{
    /// <summary>What a job's page says while <see cref="WorkerStopped"/>: its worker died and no other has it yet.</summary>
    public const string WorkerStoppedMessage =
        "Midx restarted while sending this video. The upload resumes from where it stopped within a minute; nothing is sent twice.";

    /// <summary>
    /// True when the worker holding the job stopped without giving it back (a crash, <c>kill -9</c>): the lease ran
    /// out and no worker has claimed the job again yet.
    /// </summary>
    public static bool WorkerStopped(PublishJob job, DateTime now) =>
        job.LeaseOwner is not null && job.LeaseExpiresAt < now && !JobStateMachine.IsTerminal(job.State);

    /// <summary>The history line of an upload that goes on from bytes TikTok already has (after a restart or a pause).</summary>
    public static string ResumingMessage(PublishJob job) =>
        $"Resuming the upload where it stopped: {job.BytesUploaded * 100 / Math.Max(job.FileSize, 1)}% of the video was already with TikTok.";

    /// <summary>Extends the lease; false when it is no longer this worker's (the job must be left alone).</summary>
    public async Task<bool> RenewAsync(Guid jobId, string owner, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().UtcDateTime + options.Value.LeaseDuration;
        return await db.PublishJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>Gives the job back, saving when it is next due according to <paramref name="result"/>.</summary>
    public async Task ReleaseAsync(Guid jobId, string owner, StepResult result, CancellationToken cancellationToken)
    {
        var mine = db.PublishJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner);
        switch (result.Kind)
        {
            case StepKind.Wait:
                await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.NextPollAt, result.At)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), cancellationToken);
                break;
            case StepKind.Stop:
                await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.NextPollAt, (DateTime?)null)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), cancellationToken);
                break;
            default:
                await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), cancellationToken);
                break;
        }
    }
}
