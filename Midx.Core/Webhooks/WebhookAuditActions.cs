namespace Midx.Core.Webhooks;

/// <summary>The <c>AuditEvent.Action</c> names for webhook endpoints. Stable strings: the console filters on them.</summary>
public static class WebhookAuditActions
{
    public const string Created = "webhook.created";
    public const string Deleted = "webhook.deleted";
    public const string Disabled = "webhook.disabled";
    public const string Enabled = "webhook.enabled";
    public const string DisabledAfterFailures = "webhook.disabled-after-failures";
    public const string SentAgain = "webhook.sent-again";
}
