using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.TikTok;

/// <summary>The signed-in user's linked TikTok accounts, as the accounts page shows them. Never reads a token.</summary>
public sealed class TikTokAccountsQuery(MidxDbContext db, IOptions<TikTokOptions> options)
{
    public async Task<IReadOnlyList<TikTokAccountSummary>> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.ConnectedAt)
            .Select(a => new
            {
                a.Id, a.OpenId, a.DisplayName, a.Username, a.AvatarUrl, a.ConnectedAt, a.LastSeenAt, a.TokenState, a.TokenProblem,
                a.AccessTokenExpiresAt, a.NextRefreshAttemptAt, a.RefreshFailures, a.GrantedScopes,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a =>
        {
            var granted = TikTokOptions.SplitScopes(a.GrantedScopes);
            return new TikTokAccountSummary(a.Id, a.DisplayName, a.Username, a.AvatarUrl, a.ConnectedAt, a.LastSeenAt, a.TokenState, a.TokenProblem,
                a.AccessTokenExpiresAt, a.NextRefreshAttemptAt, a.RefreshFailures, granted, TikTokScopes.Missing(options.Value.ScopeList, granted));
        }).ToList();
    }
}

public sealed record TikTokAccountSummary(
    Guid Id,
    string? DisplayName,
    string? Username,
    string? AvatarUrl,
    DateTime ConnectedAt,
    DateTime LastSeenAt,
    TokenState TokenState,
    string? TokenProblem,
    DateTime? AccessTokenExpiresAt,
    DateTime? NextRefreshAt,
    int RefreshFailures,
    IReadOnlyList<string> GrantedScopes,
    IReadOnlyList<TikTokScopeUse> MissingScopes);
