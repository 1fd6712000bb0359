namespace Midx.Core.Webhooks;

/// <summary>
/// One event on its way to one endpoint: the outbox row written in the same transaction as the change it reports, then
/// claimed by a dispatcher with a lease (<see cref="LeaseOwner"/>, <see cref="LeaseExpiresAt"/>) and tried until the
/// endpoint answers 2xx or <see cref="WebhookOptions.RetryWindow"/> has passed. <see cref="Payload"/> is the exact body
/// sent; <see cref="EventId"/> is the same on every attempt and on "Send again", so receivers can de-duplicate by it.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>The most of an endpoint's answer that is kept, to show why it refused.</summary>
    public const int MaxExcerptLength = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EndpointId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The HTTP status of the last answer; null when there was none (refused address, timeout, connection failure).</summary>
    public int? LastStatusCode { get; set; }

    public int? LastDurationMs { get; set; }

    /// <summary>Why the last attempt failed, as a code of <see cref="Errors.ErrorCatalog"/>; null after a success.</summary>
    public string? LastErrorCode { get; set; }

    /// <summary>The start of the last answer's body, at most <see cref="MaxExcerptLength"/> characters.</summary>
    public string? LastResponseExcerpt { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    GivenUp,
}
