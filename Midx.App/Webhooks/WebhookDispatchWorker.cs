using Microsoft.Extensions.Options;
using Midx.App.Hosting;
using Midx.Core.Admin;
using Midx.Core.Webhooks;

namespace Midx.App.Webhooks;

/// <summary>
/// Sends webhook deliveries on every instance that has the dispatcher on: what is due, round after round until nothing is,
/// then again as soon as a save here queues more (<see cref="WebhookDispatchSignal"/>), and at least every
/// Midx:Webhooks:PollInterval, which is also how often it reports its heartbeat.
/// </summary>
public sealed class WebhookDispatchWorker(
    WebhookDispatcher dispatcher,
    WebhookDispatchSignal signal,
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
        // The signal waits on the machine's clock, so the window is measured on it too.
        var window = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        do
        {
            int round;
            while ((round = await dispatcher.DispatchDueAsync(Owner, cancellationToken)) > 0)
            {
                sent += round;
            }
        }
        while (Interval - window.Elapsed is var left && left > TimeSpan.Zero && await signal.WaitAsync(left, cancellationToken));

        return $"Attempted {sent} deliveries in the last {Interval.TotalSeconds:0.#} s";
    }
}
