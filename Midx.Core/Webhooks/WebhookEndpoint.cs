namespace Midx.Core.Webhooks;

/// <summary>
/// An address of a workspace's own server that Midx tells about what happens to the workspace's posts and accounts. The
/// signing secret is shown once when the endpoint is made and stored only as Data Protection ciphertext
/// (<see cref="SecretCipher"/>), because Midx needs it back to sign every delivery.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2048;

    /// <summary>Endpoints one workspace may have: each event is sent to each, so the work of one event stays bounded.</summary>
    public const int MaxPerWorkspace = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Url { get; set; }
    public WebhookEventTypes Events { get; set; }
    public required string SecretCipher { get; set; }

    /// <summary>Who made it; null once they left Midx (the endpoint stays the workspace's).</summary>
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When it stopped receiving events; null while enabled.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>Why it stopped: an Owner turned it off, or Midx did after <see cref="WebhookOptions.DisableAfterFailures"/> failures in a row.</summary>
    public WebhookDisabledReason? DisabledReason { get; set; }

    /// <summary>Attempts that failed since the last one that succeeded, over all of the endpoint's deliveries.</summary>
    public int ConsecutiveFailures { get; set; }
}

public enum WebhookDisabledReason
{
    ByOwner,
    Failures,
}
