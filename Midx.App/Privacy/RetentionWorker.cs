using Midx.App.Hosting;
using Midx.Core.Privacy;

namespace Midx.App.Privacy;

/// <summary>Runs the retention purge shortly after start and then once a day.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<RetentionWorker> logger)
    : ScheduledWorker(scopes, time, lifetime, logger)
{
    public const string WorkerName = "RetentionWorker";

    protected override string Name => WorkerName;

    protected override TimeSpan FirstRunDelay => TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task<string> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<PurgeExpiredDataCommand>().ExecuteAsync(cancellationToken);
        logger.LogInformation(
            "Retention purge deleted {AuditEvents} audit events, {Heartbeats} stale heartbeats, {LinkStates} expired link states, {WebhookDeliveries} old webhook deliveries and {ConnectLinks} old connect links",
            result.AuditEvents, result.Heartbeats, result.LinkStates, result.WebhookDeliveries, result.ConnectLinks);
        return $"Last purge removed {result.AuditEvents + result.Heartbeats + result.LinkStates + result.WebhookDeliveries + result.ConnectLinks} rows";
    }
}
