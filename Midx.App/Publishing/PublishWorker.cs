using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Runs the publishing pipeline: every <see cref="PublishingOptions.WorkerPollInterval"/> (or at once when a job is
/// submitted) it notes held jobs, claims due ones up to <see cref="PublishingOptions.MaxConcurrentJobs"/>, and runs
/// each in its own scope with <see cref="PublishJobRunner"/>. The rules live in Midx.Core; this class only schedules.
/// </summary>
public sealed class PublishWorker(
    IServiceScopeFactory scopes,
    JobUpdateBus bus,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<PublishWorker> logger) : BackgroundService
{
    public const string Name = "PublishWorker";

    private readonly ConcurrentDictionary<Guid, Task> _running = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private DateTime _lastHeartbeat = DateTime.MinValue;

    /// <summary>This worker's lease owner name: unique per process, so two instances never share a lease.</summary>
    public string Owner { get; } = $"{Name}@{WorkerHeartbeatRecorder.Instance}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>When the loop last completed a pass (for /readyz); null before the first.</summary>
    public DateTimeOffset? LastPassAt { get; private set; }

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>
    /// The longest wait between two heartbeats: a beat is written at the first pass after HeartbeatInterval, and passes
    /// come at least every WorkerPollInterval.
    /// </summary>
    private TimeSpan BeatInterval => options.Value.HeartbeatInterval + options.Value.WorkerPollInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WorkerEnabled)
        {
            logger.LogInformation("The publish worker is switched off on this instance (Midx:Publishing:WorkerEnabled)");
            return;
        }

        using var subscription = bus.Subscribe((update, _) =>
        {
            if (update.State is JobState.Queued)
            {
                Wake();
            }

            return Task.CompletedTask;
        });
        logger.LogInformation("Publish worker {Owner} started: every {Interval}, up to {MaxJobs} jobs at once", Owner, settings.WorkerPollInterval, settings.MaxConcurrentJobs);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PassAsync(stoppingToken);
                LastPassAt = time.GetUtcNow();
                await WaitForNextPassAsync(settings.WorkerPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Jobs stop at their next await and give their leases back; their rows say where to continue.
            await Task.WhenAll(_running.Values).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<HoldBlockedJobsCommand>().ExecuteAsync(stoppingToken);
            var free = options.Value.MaxConcurrentJobs - _running.Count;
            var claimed = await services.GetRequiredService<ClaimDueJobsCommand>().ExecuteAsync(Owner, free, stoppingToken);
            foreach (var jobId in claimed)
            {
                _running[jobId] = RunJobAsync(jobId, stoppingToken);
            }

            if (time.GetUtcNow().UtcDateTime - _lastHeartbeat >= options.Value.HeartbeatInterval)
            {
                var depth = await services.GetRequiredService<PublishQueueDepthQuery>().ExecuteAsync(stoppingToken);
                await services.GetRequiredService<WorkerHeartbeatRecorder>()
                    .BeatAsync(Name, BeatInterval, $"{depth.Due} due, {depth.Open} open, {_running.Count} running", stoppingToken);
                _lastHeartbeat = time.GetUtcNow().UtcDateTime;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failed pass (database busy, say) is tried again at the next one; it must not stop the worker.
            logger.LogError(e, "A publish worker pass failed");
        }
    }

    private async Task RunJobAsync(Guid jobId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PublishJobRunner>().RunAsync(jobId, Owner, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The runner saves every outcome itself; reaching here means even that failed. The lease expires and the job comes back.
            logger.LogError(e, "Job {JobId} could not be run", jobId);
        }
        finally
        {
            _running.TryRemove(jobId, out _);
            Wake();
        }
    }

    private async Task WaitForNextPassAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            await _wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
