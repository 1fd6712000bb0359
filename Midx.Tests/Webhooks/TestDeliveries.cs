using Midx.Core.Webhooks;

namespace Midx.Tests.Webhooks;

/// <summary>Deliveries as the outbox stages them, for tests that queue an event without moving a post.</summary>
internal static class TestDeliveries
{
    /// <summary>A <paramref name="type"/> event of a post that failed as spam, due now, to the workspace's endpoint.</summary>
    public static WebhookDelivery PostEvent(Guid endpointId, Guid workspaceId, string type = "post.failed")
    {
        var (eventId, now) = (Guid.CreateVersion7(), DateTime.UtcNow);
        return new WebhookDelivery
        {
            EndpointId = endpointId, EventId = eventId, EventType = type, CreatedAt = now, NextAttemptAt = now,
            Payload = new WebhookPayload(eventId, type, now, workspaceId,
                new WebhookPostData(Guid.CreateVersion7(), null, "failed", "processing", "spam_risk_too_many_posts", null)).ToJson(),
        };
    }
}
