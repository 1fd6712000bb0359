using System.Collections.Concurrent;

namespace Midx.Core.TikTok;

/// <summary>
/// One refresh per account at a time in this process. TikTok rotates refresh tokens and may invalidate the old one
/// at once (https://developers.tiktok.com/doc/oauth-user-access-token-management), so two refreshes racing with the
/// same token would lose one account to <c>invalid_grant</c>. Across processes, <see cref="RefreshTikTokTokenCommand"/>
/// adds an optimistic check in the database.
/// </summary>
public sealed class TikTokRefreshLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> AcquireAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(accountId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
