using Midx.Core.Admin;
using Midx.Core.Privacy;

namespace Midx.App.Privacy;

/// <summary>Runs the retention purge shortly after start and then once a day.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    public const string Name = "RetentionWorker";

    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<PurgeExpiredDataCommand>().ExecuteAsync(cancellationToken);
            logger.LogInformation(
                "Retention purge deleted {AuditEvents} audit events, {Heartbeats} stale heartbeats and {LinkStates} expired link states",
                result.AuditEvents, result.Heartbeats, result.LinkStates);
            await scope.ServiceProvider.GetRequiredService<WorkerHeartbeatRecorder>()
                .BeatAsync(Name, $"Last purge removed {result.AuditEvents + result.Heartbeats + result.LinkStates} rows", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed purge is retried at the next run; it must not stop the worker.
            logger.LogError(e, "Retention purge failed");
        }
    }
}
