using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Webhooks;

/// <summary>
/// Stages an event on the caller's context: one <see cref="WebhookDelivery"/> per enabled endpoint of the workspace that
/// subscribed to it, saved by the caller's own SaveChanges, so the event commits or rolls back with the change it reports.
/// A workspace without such an endpoint gets no rows. <see cref="AddAgainAsync"/> stages one delivered or given-up event
/// once more, for "Send again".
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

    /// <summary>
    /// Stages the workspace's delivery <paramref name="deliveryId"/> once more to its endpoint, with the same event id and
    /// body, as a new delivery tried for a new retry window; null when the workspace has no such delivery. The caller
    /// audits and saves.
    /// </summary>
    public static async Task<QueuedAgain?> AddAgainAsync(MidxDbContext db, Guid workspaceId, Guid deliveryId, DateTime at, CancellationToken cancellationToken)
    {
        var found = await (from d in db.WebhookDeliveries.AsNoTracking()
                           join e in db.WebhookEndpoints on d.EndpointId equals e.Id
                           where d.Id == deliveryId && e.WorkspaceId == workspaceId
                           select new { Delivery = d, e.Url, Off = e.DisabledAt != null }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var again = new WebhookDelivery
        {
            EndpointId = found.Delivery.EndpointId, EventId = found.Delivery.EventId, EventType = found.Delivery.EventType,
            Payload = found.Delivery.Payload, CreatedAt = at, Status = WebhookDeliveryStatus.Pending, NextAttemptAt = at,
        };
        db.WebhookDeliveries.Add(again);
        return new QueuedAgain(again, WebhookEndpointCommands.HostOf(found.Url), found.Off);
    }
}

/// <summary>A delivery staged again, the host of its endpoint and whether that endpoint is off, for the sentence and the audit.</summary>
internal sealed record QueuedAgain(WebhookDelivery Delivery, string Host, bool EndpointOff)
{
    public string Message => EndpointOff
        ? $"The {Delivery.EventType} event is queued for {Host} again; it is sent once the endpoint is turned on."
        : $"The {Delivery.EventType} event is queued for {Host} again.";

    public string AuditDetail(Guid workspaceId) => $"event {Delivery.EventId} ({Delivery.EventType}) to endpoint {Delivery.EndpointId} in workspace {workspaceId}";
}
