using System.ComponentModel.DataAnnotations;

namespace Midx.Core.Webhooks;

/// <summary>Settings under <c>Midx:Webhooks</c>: how deliveries are sent, retried and given up.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Midx:Webhooks";

    /// <summary>
    /// Lets deliveries go to private, loopback and link-local addresses, and to plain http. Off in production: an endpoint
    /// must not be a way into Midx's own network (server-side request forgery). Tests turn it on for their loopback receiver.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Whether this instance sends deliveries. Off for an instance that only serves pages.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How long one attempt may take, connecting included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Midx:Webhooks:Timeout must be between 1 second and 1 minute.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Midx:Webhooks:PollInterval must be between 100 ms and 5 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries one dispatcher sends at once.</summary>
    [Range(1, 100)]
    public int MaxConcurrentDeliveries { get; set; } = 10;

    /// <summary>
    /// How long a dispatcher holds a delivery it claimed. Longer than <see cref="Timeout"/>, so one attempt ends before its lease;
    /// an instance that dies mid-delivery leaves it to another once the lease runs out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00", ErrorMessage = "Midx:Webhooks:LeaseDuration must be between 5 seconds and 30 minutes.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait after the first failure, doubled after each further one up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Midx:Webhooks:FirstRetryDelay must be between 1 second and 1 hour.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "Midx:Webhooks:MaxRetryDelay must be between 1 second and 6 hours.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after the event a delivery is still tried; then it is given up.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Midx:Webhooks:RetryWindow must be between 1 minute and 7 days.")]
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failed attempts in a row (over all of an endpoint's deliveries) after which Midx disables the endpoint and tells its Owners.</summary>
    [Range(1, 1000)]
    public int DisableAfterFailures { get; set; } = 20;
}
