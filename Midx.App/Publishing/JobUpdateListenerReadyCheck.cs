using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Midx.App.Publishing;

/// <summary>
/// Part of /readyz on PostgreSQL: whether this instance hears the job updates other instances publish. Read from
/// memory. Not listening is Degraded, not Unhealthy: pages and publishing still work, only live status from other
/// instances is late (pages catch up on reload), so it is a reason to look, not to take the instance out of service.
/// </summary>
public sealed class JobUpdateListenerReadyCheck(PostgresJobUpdateListener listener, TimeProvider time) : IHealthCheck
{
    /// <summary>How long a new process may take to start listening.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (listener.BackendProcessId is { } pid)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Listening (server process {pid})."));
        }

        var down = time.GetUtcNow() - (listener.NotListeningSince ?? time.GetUtcNow());
        var result = !listener.EverListened && down < StartGrace
            ? HealthCheckResult.Healthy("Starting.")
            : HealthCheckResult.Degraded(
                $"Not listening for other instances' job updates for {down.TotalSeconds:0} s: pages here see their changes late (at the job's next update or a reload).");
        return Task.FromResult(result);
    }
}
