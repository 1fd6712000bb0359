namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// TikTok's per-access-token, per-endpoint limits over a sliding one-minute window
/// (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit). Only admitted calls count against the window.
/// Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class SlidingWindowRateLimiter(TimeSpan window)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _hits = new(StringComparer.Ordinal);

    public SlidingWindowRateLimiter() : this(TimeSpan.FromMinutes(1))
    {
    }

    public bool TryAcquire(string token, string endpoint, int limit, DateTimeOffset now)
    {
        var key = endpoint + "\n" + token;
        lock (_gate)
        {
            if (!_hits.TryGetValue(key, out var hits))
            {
                hits = new Queue<DateTimeOffset>();
                _hits[key] = hits;
            }

            while (hits.Count > 0 && hits.Peek() <= now - window)
            {
                hits.Dequeue();
            }

            if (hits.Count >= limit)
            {
                return false;
            }

            hits.Enqueue(now);
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _hits.Clear();
        }
    }
}
