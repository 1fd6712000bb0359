using Midx.Core.Admin;

namespace Midx.App.Hosting;

/// <summary>
/// A housekeeping job that runs shortly after the app starts listening and then on a fixed interval, in its own scope,
/// and reports a heartbeat after each run that carries the interval, so the console judges it by its own schedule.
/// It waits for the app to listen because in sandbox mode the servers it may call are this very process. A failed run
/// is logged and retried at the next tick; it never stops the worker.
/// </summary>
public abstract class ScheduledWorker(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger logger)
    : BackgroundService
{
    protected abstract string Name { get; }

    /// <summary>How long after the app starts listening the first run begins.</summary>
    protected abstract TimeSpan FirstRunDelay { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Does one run's work and returns the sentence the heartbeat shows.</summary>
    protected abstract Task<string> WorkAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

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
            var detail = await WorkAsync(scope.ServiceProvider, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<WorkerHeartbeatRecorder>().BeatAsync(Name, Interval, detail, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only shutdown ends the worker; a timeout or a busy database is tried again at the next tick.
            logger.LogError(e, "{Worker} run failed; it runs again in {Interval}", Name, Interval);
        }
    }
}
