using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Publishing;

/// <summary>
/// TikTok allows 30 status checks per minute per access token, in a sliding one-minute window
/// (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status). The worker asks here before
/// every check of an account's job; when it may not check yet it learns when it may, and saves that as the job's
/// next poll time, so a busy account's jobs are spread out instead of collecting 429s.
/// The limit holds across every instance on the database: an account's checks are spaced at least a minute / perMinute
/// apart through its <c>TikTokAccounts.NextStatusPollAt</c>, taken by one conditional UPDATE that only one caller can
/// win, so no minute ever holds more than perMinute checks of one account.
/// </summary>
public sealed class StatusPollRateLimiter(MidxDbContext db, TimeProvider time)
{
    /// <summary>
    /// The length of TikTok's rate-limit window (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Takes the account's next check if it is free now (and moves the next one a minute / <paramref name="perMinute"/>
    /// on); otherwise says when it will be free. A job's account id is null once the account was disconnected; like a
    /// missing account, it is never granted a check.
    /// </summary>
    public async Task<StatusPollPermit> TryAcquireAsync(Guid? accountId, int perMinute, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);

        // Whole milliseconds, so the times are stored exactly on both SQLite (100 ns) and PostgreSQL (1 µs), and the
        // spacing rounded up, so perMinute gaps never add up to less than the window.
        var now = WholeMilliseconds(time.GetUtcNow().UtcDateTime);
        DateTime? next = now + TimeSpan.FromMilliseconds(Math.Ceiling(Window.TotalMilliseconds / perMinute));
        var taken = await db.TikTokAccounts
            .Where(a => a.Id == accountId && (a.NextStatusPollAt == null || a.NextStatusPollAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.NextStatusPollAt, next), cancellationToken);
        if (taken == 1)
        {
            return new StatusPollPermit(true, now);
        }

        // Taken by another job or instance: its UPDATE set when the next check may happen. Only a missing account
        // leaves no time, and then nothing is gained by asking again sooner than one spacing later.
        var freeAt = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => a.NextStatusPollAt)
            .SingleOrDefaultAsync(cancellationToken);
        return new StatusPollPermit(false, freeAt ?? next.Value);
    }

    private static DateTime WholeMilliseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}

/// <summary>Whether a status check may happen now; if not, the UTC time from which it may.</summary>
public readonly record struct StatusPollPermit(bool Granted, DateTime RetryAt);
