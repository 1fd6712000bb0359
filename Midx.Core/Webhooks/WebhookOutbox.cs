using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Webhooks;

/// <summary>
/// Stages an event on the caller's context: one <see cref="WebhookDelivery"/> per enabled endpoint of the workspace that
/// subscribed to it, saved by the caller's own SaveChanges, so the event commits or rolls back with the change it reports.
/// A workspace without such an endpoint gets no rows.
/// </summary>
internal static class WebhookOutbox
{
    public static async Task AddAsync(MidxDbContext db, Guid workspaceId, WebhookEventTypes type, object data, DateTime at, CancellationToken cancellationToken)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && e.DisabledAt == null)
            .Select(e => new { e.Id, e.Events })
            .ToListAsync(cancellationToken);
        var subscribed = endpoints.Where(e => e.Events.HasFlag(type)).ToList();
        if (subscribed.Count == 0)
        {
            return;
        }

        var payload = new WebhookPayload(Guid.CreateVersion7(), WebhookEvents.NameOf(type), at, workspaceId, data);
        var body = payload.ToJson();
        foreach (var endpoint in subscribed)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint.Id, EventId = payload.Id, EventType = payload.Type, Payload = body, CreatedAt = at,
                Status = WebhookDeliveryStatus.Pending, NextAttemptAt = at,
            });
        }
    }
}
