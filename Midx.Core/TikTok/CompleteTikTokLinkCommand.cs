using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.TikTok;

/// <summary>
/// Finishes "link a TikTok account" at the callback (https://developers.tiktok.com/doc/login-kit-web): checks that
/// the state is one Midx gave out minutes ago, to this user or for a hosted connect link, and uses it up (a connect
/// link too: it is spent by whatever TikTok answers), handles TikTok's <c>error</c>, exchanges the code with the PKCE
/// verifier, reads which scopes were really granted, fetches the profile with only the fields those scopes allow, and
/// saves the account into the workspace the link was started for (if the user may still link accounts there): a new
/// row, an update when the same open_id is linked there again, or a refusal when the open_id belongs to another
/// workspace. Tokens are encrypted before the row is written.
/// </summary>
public sealed class CompleteTikTokLinkCommand(
    MidxDbContext db,
    TikTokApiClient tikTok,
    TikTokTokenVault vault,
    AuditLog audit,
    IOptions<TikTokOptions> options,
    TimeProvider time,
    ILogger<CompleteTikTokLinkCommand> logger)
{
    /// <param name="userId">The signed-in user, or null for a visitor (who can only complete a connect link's state).</param>
    public async Task<TikTokLinkResult> ExecuteAsync(Guid? userId, TikTokLinkCallback callback, string redirectUri, CancellationToken cancellationToken)
    {
        var state = string.IsNullOrEmpty(callback.State)
            ? null
            : await db.OAuthLinkStates.SingleOrDefaultAsync(s => s.Id == callback.State, cancellationToken);
        if (state is { ConnectLinkId: null } && userId is null)
        {
            // Not used up: it completes once its user has signed in again.
            return new TikTokLinkResult(TikTokLinkOutcome.SignInRequired);
        }

        if (state is null || (state.ConnectLinkId is null && state.UserId != userId))
        {
            logger.LogWarning("TikTok link callback for user {UserId} refused: unknown, used or foreign state", userId);
            return new TikTokLinkResult(TikTokLinkOutcome.InvalidState);
        }

        var result = await CompleteAsync(state, callback, redirectUri, cancellationToken);
        return result with { ConnectLinkId = state.ConnectLinkId };
    }

    private async Task<TikTokLinkResult> CompleteAsync(OAuthLinkState state, TikTokLinkCallback callback, string redirectUri, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var userId = state.UserId;

        // Single use, whatever happens next.
        db.OAuthLinkStates.Remove(state);
        await db.SaveChangesAsync(cancellationToken);
        if (state.ConnectLinkId is { } connectLinkId
            && await db.ConnectLinks.Where(l => l.Id == connectLinkId && l.UsedAt == null).ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, now), cancellationToken) == 0)
        {
            // Opened twice and already answered in the other tab.
            return new TikTokLinkResult(TikTokLinkOutcome.AlreadyUsed);
        }

        if (state.ExpiresAt <= now)
        {
            return new TikTokLinkResult(TikTokLinkOutcome.Expired);
        }

        if (!string.IsNullOrEmpty(callback.Error))
        {
            var refusal = TikTokError.From(callback.Error, callback.ErrorDescription, null, 0);
            logger.LogInformation("TikTok link for user {UserId} (connect link {ConnectLinkId}) ended at TikTok with {TikTokErrorCode}",
                userId, state.ConnectLinkId, refusal.Code);
            return new TikTokLinkResult(refusal.Kind == TikTokErrorKind.Declined ? TikTokLinkOutcome.Declined : TikTokLinkOutcome.TikTokRefused, Error: refusal);
        }

        if (string.IsNullOrEmpty(callback.Code))
        {
            return new TikTokLinkResult(TikTokLinkOutcome.InvalidState);
        }

        try
        {
            var exchange = await tikTok.ExchangeCodeAsync(callback.Code, redirectUri, state.CodeVerifier, cancellationToken);
            if (!exchange.IsSuccess)
            {
                return new TikTokLinkResult(TikTokLinkOutcome.TikTokRefused, Error: exchange.Error);
            }

            var grant = exchange.Value;
            var granted = grant.Scopes.Count > 0 ? grant.Scopes : TikTokOptions.SplitScopes(callback.Scopes);
            var fields = TikTokScopes.UserInfoFields(granted);
            TikTokUserInfo? profile = null;
            if (fields.Count > 0)
            {
                var info = await tikTok.GetUserInfoAsync(grant.AccessToken, fields, cancellationToken);
                if (info.IsSuccess)
                {
                    profile = info.Value;
                }
                else
                {
                    // The link still works without a name and avatar; they are filled in on the next reconnect.
                    logger.LogWarning("TikTok profile for a new link failed with {TikTokErrorCode} (log_id {TikTokLogId})", info.Error.Code, info.LogId);
                }
            }

            return await SaveAsync(state, grant, granted, profile, now, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("TikTok link for user {UserId} (connect link {ConnectLinkId}) failed: TikTok could not be reached ({Fault})",
                userId, state.ConnectLinkId, ex.GetType().Name);
            return new TikTokLinkResult(TikTokLinkOutcome.Unreachable);
        }
    }

    private async Task<TikTokLinkResult> SaveAsync(
        OAuthLinkState state, TikTokTokenGrant grant, IReadOnlyList<string> granted, TikTokUserInfo? profile, DateTime now, CancellationToken cancellationToken)
    {
        var (userId, workspaceId) = (state.UserId, state.WorkspaceId);
        // Membership may have changed while the person was at TikTok; a connect link's app may have been deleted.
        var workspaces = state.ConnectLinkId is null
            ? db.WorkspaceWhere(userId!.Value, workspaceId, WorkspacePermission.LinkAccounts)
            : db.Workspaces.Where(w => w.Id == workspaceId);
        var workspace = await workspaces.AsNoTracking().Select(w => new { w.InboxDraftsOnly }).SingleOrDefaultAsync(cancellationToken);
        var app = state.ConnectLinkId is { } connectLinkId
            ? await db.ConnectLinks.Where(l => l.Id == connectLinkId).Join(db.ApiApps, l => l.AppId, a => a.Id, (_, a) => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (workspace is null || (state.ConnectLinkId is not null && app is null))
        {
            logger.LogWarning("TikTok link callback for user {UserId} (connect link {ConnectLinkId}) refused: no longer allowed in workspace {WorkspaceId}",
                userId, state.ConnectLinkId, workspaceId);
            return new TikTokLinkResult(TikTokLinkOutcome.InvalidState);
        }

        var openId = profile?.OpenId is { Length: > 0 } fromProfile ? fromProfile : grant.OpenId;
        var account = await db.TikTokAccounts.SingleOrDefaultAsync(a => a.OpenId == openId, cancellationToken);
        if (account is not null && account.WorkspaceId != workspaceId)
        {
            audit.Add(TikTokAuditActions.LinkRefused, userId, userId, $"TikTok account {account.Id} is linked in another workspace");
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("User {UserId} tried to link TikTok account {AccountId}, which belongs to another workspace", userId, account.Id);
            return new TikTokLinkResult(TikTokLinkOutcome.LinkedElsewhere, Username: profile?.Username);
        }

        var isNew = account is null;
        account ??= new TikTokAccount { UserId = userId, LinkedThroughApp = app, WorkspaceId = workspaceId, OpenId = openId, ConnectedAt = now };
        if (profile is not null)
        {
            account.UnionId = profile.UnionId ?? account.UnionId;
            account.DisplayName = profile.DisplayName ?? account.DisplayName;
            account.Username = profile.Username ?? account.Username;
            account.AvatarUrl = profile.AvatarUrl100 ?? profile.AvatarUrl ?? account.AvatarUrl;
        }

        account.LastSeenAt = now;
        vault.Store(account, grant, now, options.Value.RefreshAtLifetimeFraction);
        account.GrantedScopes = string.Join(',', granted);
        if (isNew)
        {
            db.TikTokAccounts.Add(account);
        }

        audit.Add(isNew ? TikTokAuditActions.Linked : TikTokAuditActions.Relinked, userId, userId,
            $"TikTok account {account.Id} (@{account.Username}) with scopes {account.GrantedScopes}{(app is null ? "" : $" through API app \"{app}\" (connect link {state.ConnectLinkId})")}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Someone linked the same open_id at the same moment; the unique index decided.
            db.ChangeTracker.Clear();
            var owner = await db.TikTokAccounts.AsNoTracking().Where(a => a.OpenId == openId).Select(a => (Guid?)a.WorkspaceId).SingleOrDefaultAsync(cancellationToken);
            if (owner is { } other && other != workspaceId)
            {
                return new TikTokLinkResult(TikTokLinkOutcome.LinkedElsewhere, Username: profile?.Username);
            }

            throw;
        }

        logger.LogInformation("User {UserId} (connect link {ConnectLinkId}) {LinkAction} TikTok account {AccountId}",
            userId, state.ConnectLinkId, isNew ? "linked" : "relinked", account.Id);
        return new TikTokLinkResult(isNew ? TikTokLinkOutcome.Linked : TikTokLinkOutcome.Updated, account.Id, account.Username, TikTokScopes.Missing(options.Value.ScopesFor(workspace.InboxDraftsOnly), granted));
    }
}
