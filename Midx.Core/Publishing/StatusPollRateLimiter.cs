namespace Midx.Core.Publishing;

/// <summary>
/// TikTok allows 30 status checks per minute per access token, in a sliding one-minute window
/// (docs/tiktok-api.md §3.7, §3.10). The worker asks here before every check of an account's job; when the window is
/// full it learns when the next check may happen and saves that as the job's next poll time, so a busy account's
/// jobs are spread out instead of collecting 429s. Per instance; thread-safe.
/// </summary>
public sealed class StatusPollRateLimiter(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Queue<DateTimeOffset>> _calls = [];

    /// <summary>
    /// Takes one of the account's <paramref name="perMinute"/> calls if one is free now; otherwise returns false and
    /// when the oldest call leaves the window.
    /// </summary>
    public bool TryAcquire(Guid accountId, int perMinute, out DateTimeOffset retryAt)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_calls.TryGetValue(accountId, out var calls))
            {
                calls = new Queue<DateTimeOffset>();
                _calls[accountId] = calls;
            }

            while (calls.Count > 0 && calls.Peek() + Window <= now)
            {
                calls.Dequeue();
            }

            if (calls.Count >= perMinute)
            {
                retryAt = calls.Peek() + Window;
                return false;
            }

            calls.Enqueue(now);
            retryAt = now;
            return true;
        }
    }
}
