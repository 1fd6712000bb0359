using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.Privacy;

/// <summary>
/// Deletes what Midx promised not to keep (privacy promise 4, listed on /privacy): audit events and technical records older than
/// <see cref="RetentionOptions.AuditDays"/>, heartbeats of instances long gone, link authorizations that expired, finished webhook
/// deliveries as old as the audit events (one still being tried stays until it is delivered or given up), and hosted connect
/// links that expired as long ago (their integrator could still read their outcome until then).
/// </summary>
public sealed class PurgeExpiredDataCommand(MidxDbContext db, IOptions<RetentionOptions> retention, TimeProvider time, ScrubDeletedBytesCommand scrub)
{
    public sealed record Result(int AuditEvents, int Heartbeats, int LinkStates, int WebhookDeliveries, int ConnectLinks);

    public async Task<Result> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var auditCutoff = now.AddDays(-retention.Value.AuditDays);

        var audit = await db.AuditEvents.Where(e => e.At < auditCutoff).ExecuteDeleteAsync(cancellationToken);
        var heartbeats = await db.WorkerHeartbeats.Where(h => h.LastBeatAt < auditCutoff).ExecuteDeleteAsync(cancellationToken);
        var states = await db.OAuthLinkStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var deliveries = await db.WebhookDeliveries.Where(d => d.Status != Webhooks.WebhookDeliveryStatus.Pending && d.CreatedAt < auditCutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var connectLinks = await db.ConnectLinks.Where(l => l.ExpiresAt < auditCutoff).ExecuteDeleteAsync(cancellationToken);
        await scrub.ExecuteAsync(cancellationToken);
        return new Result(audit, heartbeats, states, deliveries, connectLinks);
    }
}
