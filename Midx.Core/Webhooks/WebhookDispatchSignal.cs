namespace Midx.Core.Webhooks;

/// <summary>
/// Wakes this instance's dispatcher when a save queued deliveries, so an event goes out at once instead of at the next
/// poll; the poll remains for deliveries that come due later (retries) or were queued by another instance.
/// </summary>
public sealed class WebhookDispatchSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher wakes once for any number of saves.
        }
    }

    /// <summary>True when deliveries were queued within <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
