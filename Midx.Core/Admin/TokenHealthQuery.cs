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

        // Two index range reads (IX_TikTokAccounts_TokenState_*) instead of one OR that would scan every account.
        var reconnect = await Attention(db.TikTokAccounts.Where(a => a.TokenState == TokenState.NeedsReconnect), cancellationToken);
        var failing = await Attention(
            db.TikTokAccounts.Where(a => a.TokenState == TokenState.Active && a.RefreshFailures > 0), cancellationToken);
        var accounts = reconnect.Concat(failing).Take(ListLimit).ToList();

        return new TokenHealth(needsReconnect, refreshFailing, accessExpired, accounts);
    }

    private async Task<List<TokenAttentionRow>> Attention(IQueryable<TikTokAccount> accounts, CancellationToken cancellationToken) =>
        await TokenAttentionQuery.Project(
                db, accounts.AsNoTracking().OrderByDescending(a => a.RefreshFailures).ThenByDescending(a => a.LastSeenAt).Take(ListLimit))
            .ToListAsync(cancellationToken);
}
