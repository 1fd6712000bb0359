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
