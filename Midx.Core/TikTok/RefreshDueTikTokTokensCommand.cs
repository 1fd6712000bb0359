using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Midx.Core.Data;

namespace Midx.Core.TikTok;

/// <summary>
/// One sweep of the background refresher: every active account whose scheduled refresh time has come (a share of
/// TikTok's <c>expires_in</c>, or a backoff after a failure) is refreshed, each in its own scope so one failure
/// never stops the others.
/// </summary>
public sealed class RefreshDueTikTokTokensCommand(
    MidxDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<RefreshDueTikTokTokensCommand> logger)
{
    public const int BatchSize = 100;

    public async Task<IReadOnlyDictionary<TokenRefreshOutcome, int>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.TokenState == TokenState.Active && a.NextRefreshAttemptAt != null && a.NextRefreshAttemptAt <= now)
            .OrderBy(a => a.NextRefreshAttemptAt)
            .Select(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var outcomes = new Dictionary<TokenRefreshOutcome, int>();
        foreach (var accountId in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var refresh = scope.ServiceProvider.GetRequiredService<RefreshTikTokTokenCommand>();
                var result = await refresh.ExecuteAsync(accountId, TokenRefreshReason.Scheduled, cancellationToken);
                outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Refreshing TikTok account {AccountId} failed unexpectedly", accountId);
            }
        }

        return outcomes;
    }
}
