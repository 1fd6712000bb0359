namespace Midx.App.Admin;

/// <summary>
/// Re-reads an admin page's figures at most once per <paramref name="interval"/> while live updates keep coming: the
/// first update starts the wait, the ones during it ride along, and the refresh runs once at its end. Each update of
/// a busy day would otherwise cost every open console a full query.
/// </summary>
public sealed class CoalescedRefresh(TimeSpan interval, TimeProvider time, Func<Task> refresh, CancellationToken stopping)
{
    private int _pending;

    public TimeSpan Interval => interval;

    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(interval, time, stopping);
            Volatile.Write(ref _pending, 0);
            await refresh();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
