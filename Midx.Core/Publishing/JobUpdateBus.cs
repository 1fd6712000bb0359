using Microsoft.Extensions.Logging;

namespace Midx.Core.Publishing;

/// <summary>
/// Fan-out of <see cref="JobUpdate"/>s to this process's subscribers (the App forwards them to SignalR). Subscriptions
/// are disposables; a failing subscriber is logged and never stops the job that published the update.
/// With SQLite (one process) that is all. With PostgreSQL (several instances) the bus is built with a
/// <see cref="PostgresJobUpdateNotifier"/>: a published update is delivered here first, then sent to the other
/// instances, whose listeners call <see cref="DeliverLocallyAsync"/>. A failure to send is logged and swallowed like a
/// subscriber's: the change was saved, and this instance's pages have it already.
/// </summary>
public sealed class JobUpdateBus(ILogger<JobUpdateBus> logger, PostgresJobUpdateNotifier? notifier = null)
{
    private readonly Lock _gate = new();
    private Func<JobUpdate, CancellationToken, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<JobUpdate, CancellationToken, Task> subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    /// <summary>An update from this instance: to its subscribers, then (on PostgreSQL) to every other instance.</summary>
    public async Task PublishAsync(JobUpdate update, CancellationToken cancellationToken)
    {
        await DeliverLocallyAsync(update, cancellationToken);
        if (notifier is null)
        {
            return;
        }

        try
        {
            await notifier.NotifyAsync(update, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The update of job {JobId} could not be sent to the other instances", update.JobId);
        }
    }

    /// <summary>An update to this instance's subscribers only: one that another instance published.</summary>
    public async Task DeliverLocallyAsync(JobUpdate update, CancellationToken cancellationToken)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                await subscriber(update, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "A subscriber failed to receive the update of job {JobId}", update.JobId);
            }
        }
    }

    private void Unsubscribe(Func<JobUpdate, CancellationToken, Task> subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
        }
    }

    private sealed class Subscription(JobUpdateBus bus, Func<JobUpdate, CancellationToken, Task> subscriber) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(subscriber);
    }
}
