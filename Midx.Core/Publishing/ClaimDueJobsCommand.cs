using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.Publishing;

/// <summary>
/// Takes up to <c>max</c> due jobs for one worker by writing a lease (owner + expiry) on each. The lease is a
/// conditional write (only where no live lease exists), so two workers never run one job: on SQLite a single
/// UPDATE per job, on PostgreSQL one UPDATE over rows locked with <c>FOR UPDATE SKIP LOCKED</c> so instances do not
/// queue behind each other's locks. A crashed worker's jobs come back once its lease expires.
/// </summary>
public sealed class ClaimDueJobsCommand(MidxDbContext db, IOptions<PublishingOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<Guid>> ExecuteAsync(string owner, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;
        // A few more candidates than needed, since another worker may take some of them first.
        var candidates = await db.PublishJobs.AsNoTracking()
            .Due(now)
            .Runnable(db)
            .OrderBy(DueJobs.DueSince)
            .Select(j => j.Id)
            .Take(max * 2)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        return db.Database.IsNpgsql()
            ? await ClaimOnPostgresAsync(candidates, owner, max, now, until, cancellationToken)
            : await ClaimOneByOneAsync(candidates, owner, max, now, until, cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> ClaimOneByOneAsync(List<Guid> candidates, string owner, int max, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var taken = await db.PublishJobs
                .Where(j => j.Id == id && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseExpiresAt, until), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
                if (claimed.Count == max)
                {
                    break;
                }
            }
        }

        return claimed;
    }

    private async Task<IReadOnlyList<Guid>> ClaimOnPostgresAsync(List<Guid> candidates, string owner, int max, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var ids = candidates.ToArray();
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE "PublishJobs" SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM "PublishJobs"
                WHERE "Id" = ANY({ids}) AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                LIMIT {max}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
    }
}
