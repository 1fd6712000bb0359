using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Midx.Core.Data;

namespace Midx.App.Hosting;

/// <summary>Ready when the database answers and every migration this build knows has been applied.</summary>
public sealed class DatabaseReadyCheck(MidxDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Reachable; all migrations applied.")
            : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.");
    }
}
