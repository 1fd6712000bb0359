namespace Midx.Core.Webhooks;

/// <summary>The events an endpoint can subscribe to; an endpoint holds one or more.</summary>
[Flags]
public enum WebhookEventTypes
{
    None = 0,
    PostStatusChanged = 1,
    PostPublished = 2,
    PostFailed = 4,
    PostAwaitingReview = 8,
    AccountNeedsReconnect = 16,
    AccountDisconnected = 32,
}

/// <summary>How events are named on the wire (<c>type</c> of the payload, the <c>Midx-Event-Type</c> header) and described on the settings page.</summary>
public static class WebhookEvents
{
    public static readonly IReadOnlyList<(WebhookEventTypes Type, string Name, string Description)> All =
    [
        (WebhookEventTypes.PostStatusChanged, "post.status_changed", "A post moved to another state (every move, including the ones below)."),
        (WebhookEventTypes.PostPublished, "post.published", "TikTok published a post."),
        (WebhookEventTypes.PostFailed, "post.failed", "A post failed; the payload carries Midx's error code."),
        (WebhookEventTypes.PostAwaitingReview, "post.awaiting_review", "A post waits for a Publisher or Owner to approve it."),
        (WebhookEventTypes.AccountNeedsReconnect, "account.needs_reconnect", "A linked TikTok account must be reconnected before it can post again."),
        (WebhookEventTypes.AccountDisconnected, "account.disconnected", "A TikTok account was disconnected from the workspace."),
    ];

    public static string NameOf(WebhookEventTypes type) => All.Single(e => e.Type == type).Name;

    public static IEnumerable<string> Names(WebhookEventTypes types) => All.Where(e => types.HasFlag(e.Type)).Select(e => e.Name);
}
