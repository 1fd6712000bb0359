using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.TikTok;

/// <summary>
/// A workspace's linked TikTok accounts, as the accounts page shows them to a member, with the scopes each lacks by the
/// workspace's posting boundary. Empty for anyone else. Never reads a token.
/// </summary>
public sealed class TikTokAccountsQuery(MidxDbContext db, IOptions<TikTokOptions> options)
{
    public Task<IReadOnlyList<TikTokAccountSummary>> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        ListAsync(workspaceId, db.TikTokAccounts.Where(a => db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(a.WorkspaceId)), cancellationToken);

    /// <summary>The workspace's accounts for a caller that is the workspace itself (an API key of it), not one of its members.</summary>
    public Task<IReadOnlyList<TikTokAccountSummary>> ForWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        ListAsync(workspaceId, db.TikTokAccounts, cancellationToken);

    private async Task<IReadOnlyList<TikTokAccountSummary>> ListAsync(Guid workspaceId, IQueryable<TikTokAccount> visible, CancellationToken cancellationToken)
    {
        var boundary = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => (bool?)w.InboxDraftsOnly)
            .SingleOrDefaultAsync(cancellationToken);
        var scopes = options.Value.ScopesFor(boundary == true);
        var rows = await visible.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId)
            .OrderBy(a => a.ConnectedAt)
            .Select(a => new
            {
                a.Id, a.OpenId, a.DisplayName, a.Username, a.AvatarUrl, a.ConnectedAt, a.LastSeenAt, a.TokenState, a.TokenProblem,
                a.AccessTokenExpiresAt, a.NextRefreshAttemptAt, a.RefreshFailures, a.GrantedScopes, a.LinkedThroughApp,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a =>
        {
            var granted = TikTokOptions.SplitScopes(a.GrantedScopes);
            return new TikTokAccountSummary(a.Id, a.DisplayName, a.Username, a.AvatarUrl, a.ConnectedAt, a.LastSeenAt, a.TokenState, a.TokenProblem,
                a.AccessTokenExpiresAt, a.NextRefreshAttemptAt, a.RefreshFailures, granted, TikTokScopes.Missing(scopes, granted), a.LinkedThroughApp);
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
    IReadOnlyList<TikTokScopeUse> MissingScopes,
    string? LinkedThroughApp = null);
