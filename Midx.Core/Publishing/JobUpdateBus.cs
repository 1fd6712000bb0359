using Microsoft.Extensions.Logging;

namespace Midx.Core.Publishing;

/// <summary>
/// In-process fan-out of <see cref="JobUpdate"/>s (the App forwards them to SignalR). Subscriptions are disposables;
/// a failing subscriber is logged and never stops the job that published the update.
/// </summary>
public sealed class JobUpdateBus(ILogger<JobUpdateBus> logger)
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

    public async Task PublishAsync(JobUpdate update, CancellationToken cancellationToken)
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
