using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.Webhooks;

/// <summary>
/// Takes up to <c>max</c> due deliveries of enabled endpoints for one dispatcher by writing a lease on each, as
/// <see cref="Publishing.ClaimDueJobsCommand"/> does for jobs: one conditional UPDATE of the batch on SQLite, one UPDATE over
/// rows locked with <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL. No delivery is held by two dispatchers at once; one whose
/// dispatcher died comes back when the lease runs out.
/// </summary>
public sealed class ClaimDueWebhookDeliveriesCommand(MidxDbContext db, IOptions<WebhookOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<Guid>> ExecuteAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;
        var candidates = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now)
                && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.DisabledAt == null))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(max * 2)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        if (db.Database.IsNpgsql())
        {
            var ids = candidates.ToArray();
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE "WebhookDeliveries" SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "WebhookDeliveries"
                    WHERE "Id" = ANY({ids}) AND "Status" = 'Pending' AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        // SQLite has one writer at a time, so one conditional UPDATE claims atomically; a row another dispatcher leased
        // since it was read no longer matches. The lease's owner and end then name exactly the rows this round took.
        var batch = candidates.Take(max).ToList();
        await db.WebhookDeliveries
            .Where(d => batch.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseExpiresAt, until), cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => batch.Contains(d.Id) && d.LeaseOwner == owner && d.LeaseExpiresAt == until)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
    }
}
