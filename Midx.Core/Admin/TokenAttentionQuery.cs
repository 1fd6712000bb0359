using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Admin;

/// <summary>
/// The linked accounts with one <see cref="TokenIssue"/> (or any), a page at a time with the total, each read from its
/// index: <c>(TokenState, RefreshFailures)</c> or <c>(TokenState, AccessTokenExpiresAt)</c>. Selects only state columns:
/// the token ciphertext never leaves the database.
/// </summary>
public sealed class TokenAttentionQuery(MidxDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<TokenAttentionPage> ExecuteAsync(TokenIssue? issue, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var accounts = Filtered(db, issue, time.GetUtcNow().UtcDateTime);
        var total = await accounts.CountAsync(cancellationToken);
        var rows = await Project(db, accounts.Skip(Math.Max(0, page) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new TokenAttentionPage(rows, total);
    }

    /// <summary>The accounts with <paramref name="issue"/>, most pressing first; shared with the export.</summary>
    internal static IQueryable<TikTokAccount> Filtered(MidxDbContext db, TokenIssue? issue, DateTime now)
    {
        var all = db.TikTokAccounts.AsNoTracking();
        var reconnect = all.Where(a => a.TokenState == TokenState.NeedsReconnect);
        var failing = all.Where(a => a.TokenState == TokenState.Active && a.RefreshFailures > 0);
        var expired = all.Where(a => a.TokenState == TokenState.Active && a.AccessTokenExpiresAt < now);
        return issue switch
        {
            TokenIssue.NeedsReconnect => reconnect.OrderByDescending(a => a.RefreshFailures).ThenBy(a => a.Id),
            TokenIssue.RefreshFailing => failing.OrderByDescending(a => a.RefreshFailures).ThenBy(a => a.Id),
            TokenIssue.AccessExpired => expired.OrderBy(a => a.AccessTokenExpiresAt).ThenBy(a => a.Id),
            // Three index range reads joined by UNION instead of one OR that would scan every account.
            _ => all.Where(a => reconnect.Select(r => r.Id).Union(failing.Select(f => f.Id)).Union(expired.Select(e => e.Id)).Contains(a.Id))
                .OrderBy(a => a.TokenState == TokenState.NeedsReconnect ? 0 : 1)
                .ThenByDescending(a => a.RefreshFailures)
                .ThenBy(a => a.AccessTokenExpiresAt)
                .ThenBy(a => a.Id),
        };
    }

    /// <summary>The state columns of <paramref name="accounts"/> and their owners' emails, in the order given.</summary>
    internal static IQueryable<TokenAttentionRow> Project(MidxDbContext db, IQueryable<TikTokAccount> accounts) =>
        from a in accounts
        join u in db.Users on a.UserId equals u.Id into owners
        from u in owners.DefaultIfEmpty()
        select new TokenAttentionRow(
            a.Id, a.UserId, u == null ? null : u.Email, a.Username, a.DisplayName, a.TokenState, a.TokenProblem,
            a.RefreshFailures, a.LastRefreshedAt, a.NextRefreshAttemptAt, a.AccessTokenExpiresAt);
}
