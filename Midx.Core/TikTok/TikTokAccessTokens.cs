namespace Midx.Core.TikTok;

/// <summary>
/// What the publishing pipeline calls before talking to TikTok for an account: a token with at least five minutes
/// left, refreshed first if needed, never racing the background refresher.
/// </summary>
public sealed class TikTokAccessTokens(RefreshTikTokTokenCommand refresh)
{
    public Task<TokenRefreshResult> GetFreshAccessTokenAsync(Guid accountId, CancellationToken cancellationToken) =>
        refresh.ExecuteAsync(accountId, TokenRefreshReason.BeforeUse, cancellationToken);
}
