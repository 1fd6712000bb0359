using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Admin;

/// <summary>
/// Accounts that need reconnecting, accounts whose background refresh keeps failing, and accounts whose access token
/// has expired without a refresh. Selects only state columns: the token ciphertext never leaves the database.
/// </summary>
public sealed class TokenHealthQuery(MidxDbContext db, TimeProvider time)
{
    public const int ListLimit = 10;

    public async Task<TokenHealth> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var needsReconnect = await db.TikTokAccounts.CountAsync(a => a.TokenState == TokenState.NeedsReconnect, cancellationToken);
        var refreshFailing = await db.TikTokAccounts.CountAsync(
            a => a.TokenState == TokenState.Active && a.RefreshFailures > 0, cancellationToken);
        var accessExpired = await db.TikTokAccounts.CountAsync(
            a => a.TokenState == TokenState.Active && a.AccessTokenExpiresAt < now, cancellationToken);

        var accounts = await (
                from a in db.TikTokAccounts.AsNoTracking()
                where a.TokenState == TokenState.NeedsReconnect || a.RefreshFailures > 0
                join u in db.Users on a.UserId equals u.Id into owners
                from u in owners.DefaultIfEmpty()
                orderby a.TokenState descending, a.RefreshFailures descending, a.LastSeenAt descending
                select new TokenAttentionRow(
                    a.Id, a.UserId, u == null ? null : u.Email, a.Username, a.DisplayName, a.TokenState, a.TokenProblem,
                    a.RefreshFailures, a.LastRefreshedAt, a.NextRefreshAttemptAt))
            .Take(ListLimit)
            .ToListAsync(cancellationToken);

        return new TokenHealth(needsReconnect, refreshFailing, accessExpired, accounts);
    }
}
