using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Part of /readyz: this instance's publish worker has completed a pass recently. Read from memory, so the check costs
/// nothing; a worker switched off by configuration is reported as such and does not make the instance unready.
/// </summary>
public sealed class PublishWorkerReadyCheck(PublishWorker worker, IOptions<PublishingOptions> options, TimeProvider time) : IHealthCheck
{
    /// <summary>How long a new process may take before its first pass.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.WorkerEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Switched off on this instance."));
        }

        var now = time.GetUtcNow();
        var allowed = TimeSpan.FromTicks(Math.Max(settings.WorkerPollInterval.Ticks * 5, StartGrace.Ticks));
        var result = worker.LastPassAt switch
        {
            null when now - worker.StartedAt < StartGrace => HealthCheckResult.Healthy("Starting."),
            null => HealthCheckResult.Unhealthy("The publish worker has not completed a pass since the process started."),
            { } last when now - last > allowed => HealthCheckResult.Unhealthy($"The publish worker's last pass was {(now - last).TotalSeconds:0} s ago."),
            { } last => HealthCheckResult.Healthy($"Last pass {(now - last).TotalSeconds:0} s ago."),
        };
        return Task.FromResult(result);
    }
}
