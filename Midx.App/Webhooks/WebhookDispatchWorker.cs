using Microsoft.Extensions.Options;
using Midx.App.Hosting;
using Midx.Core.Admin;
using Midx.Core.Webhooks;

namespace Midx.App.Webhooks;

/// <summary>Sends due webhook deliveries every Midx:Webhooks:PollInterval, on every instance that has the dispatcher on.</summary>
public sealed class WebhookDispatchWorker(
    WebhookDispatcher dispatcher,
    IOptions<WebhookOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<WebhookDispatchWorker> logger) : ScheduledWorker(scopes, time, lifetime, logger)
{
    public const string WorkerName = "WebhookDispatchWorker";

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{WorkerName}@{WorkerHeartbeatRecorder.Instance}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override string Name => WorkerName;

    protected override TimeSpan FirstRunDelay => options.Value.PollInterval;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task<string> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await dispatcher.DispatchDueAsync(Owner, cancellationToken);
        return $"Last round attempted {sent} deliveries";
    }
}
