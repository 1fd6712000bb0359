using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// Access tokens for the worker's TikTok calls. Each call runs in its own scope because the refresh command clears
/// its context's change tracker, which must never detach the job the runner is working on.
/// A job's account id is null once the account was disconnected: there is no token then, as for a missing account.
/// </summary>
public sealed class JobTokens(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TokenRefreshResult Disconnected =
        new(TokenRefreshOutcome.NotFound, null, "This TikTok account was disconnected.", null);

    public async Task<TokenRefreshResult> GetAsync(Guid? accountId, CancellationToken cancellationToken)
    {
        if (accountId is not { } id)
        {
            return Disconnected;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(id, cancellationToken);
    }

    /// <summary>
    /// TikTok refused the access token (<c>access_token_invalid</c>, docs/tiktok-api.md §3.12): mark it expired and get
    /// a new one, so the refresh (or, if the grant is gone, "needs reconnect") happens now.
    /// </summary>
    public async Task<TokenRefreshResult> RenewAsync(Guid? accountId, CancellationToken cancellationToken)
    {
        if (accountId is null)
        {
            return Disconnected;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = time.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts
                .Where(a => a.Id == accountId && (a.AccessTokenExpiresAt == null || a.AccessTokenExpiresAt > now))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AccessTokenExpiresAt, now), cancellationToken);
        }

        return await GetAsync(accountId, cancellationToken);
    }

    /// <summary>
    /// TikTok refused the token <see cref="RenewAsync"/> just gave: the account is marked "needs reconnect" the same way a
    /// dead refresh token marks it (audited, tokens forgotten), so its jobs are held until the creator reconnects.
    /// </summary>
    public async Task<TokenRefreshResult> GiveUpAsync(Guid? accountId, CancellationToken cancellationToken)
    {
        if (accountId is not { } id)
        {
            return Disconnected;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RefreshTikTokTokenCommand>()
            .ExecuteAsync(id, TokenRefreshReason.RefusedAfterRenewal, cancellationToken);
    }
}
