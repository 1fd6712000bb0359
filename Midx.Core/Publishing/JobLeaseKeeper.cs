using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Midx.Core.Publishing;

/// <summary>
/// Keeps a worker's lease on a job alive for as long as the worker runs it, renewing it every third of
/// <see cref="PublishingOptions.LeaseDuration"/>, also while one long chunk or TikTok call is under way. The lease can
/// therefore be short: when the process dies (<c>kill -9</c>, a crash, a lost machine) the renewals stop and another
/// worker picks the job up as soon as the lease runs out, well within a minute, instead of waiting out a long lease.
/// Each renewal runs in its own scope, apart from the worker's <c>DbContext</c>.
/// </summary>
public sealed class JobLeaseKeeper(IServiceScopeFactory scopes, IOptions<PublishingOptions> options, TimeProvider time, ILogger<JobLeaseKeeper> logger)
{
    /// <summary>Starts renewing; the returned lease's token is cancelled when <paramref name="stopping"/> is or the lease is lost.</summary>
    public HeldLease Hold(Guid jobId, string owner, CancellationToken stopping)
    {
        var lease = new HeldLease(stopping);
        lease.Renewals = RenewUntilDoneAsync(jobId, owner, lease);
        return lease;
    }

    private async Task RenewUntilDoneAsync(Guid jobId, string owner, HeldLease lease)
    {
        using var timer = new PeriodicTimer(options.Value.LeaseDuration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(lease.Done))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<JobLease>().RenewAsync(jobId, owner, lease.Done))
                {
                    logger.LogWarning("Job {JobId}: the lease is no longer this worker's; stopping work on it", jobId);
                    lease.MarkLost();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (lease.Done.IsCancellationRequested)
        {
            // The job's run ended (or the process is stopping): nothing more to renew.
        }
        catch (Exception e)
        {
            // The database may be away for a moment; the lease then runs out and another worker takes the job over,
            // which is safe because every write of the worker is conditional on still holding the lease.
            logger.LogError(e, "Job {JobId}: renewing the lease failed", jobId);
        }
    }
}

/// <summary>A lease kept alive by <see cref="JobLeaseKeeper"/> until disposed.</summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _work;
    private readonly CancellationTokenSource _done = new();

    internal HeldLease(CancellationToken stopping) => _work = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    /// <summary>Cancelled when the process stops or the lease was lost to another worker: the work must stop.</summary>
    public CancellationToken Token => _work.Token;

    /// <summary>True when another worker holds the job now; the job must be left alone, not even given back.</summary>
    public bool Lost { get; private set; }

    internal CancellationToken Done => _done.Token;

    internal Task Renewals { get; set; } = Task.CompletedTask;

    internal void MarkLost()
    {
        Lost = true;
        _work.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        await Renewals;
        _done.Dispose();
        _work.Dispose();
    }
}
