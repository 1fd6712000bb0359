using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Api;
using Midx.Core.Data;
using Midx.Core.Webhooks;

namespace Midx.Core.TikTok;

/// <summary>
/// Refreshes one account's TikTok token when it is due, and returns a usable access token. Rules
/// (https://developers.tiktok.com/doc/oauth-user-access-token-management):
/// <list type="bullet">
/// <item>lifetimes come from TikTok's <c>expires_in</c>/<c>refresh_expires_in</c>, never assumed;</item>
/// <item>the rotated refresh token is saved together with the access token in one conditional UPDATE, which is
/// also the cross-process optimistic check: it only applies if the row still holds the refresh token we sent;</item>
/// <item>one refresh per account at a time in-process (<see cref="TikTokRefreshLocks"/>), so a publish asking for
/// a token while the background refresher is at work waits for it and reuses its result;</item>
/// <item><c>invalid_grant</c>, an expired refresh token, an unreadable ciphertext, or TikTok refusing a token it has just
/// renewed (<see cref="TokenRefreshReason.RefusedAfterRenewal"/>) → "needs reconnect", audited, unless another process
/// rotated the token meanwhile;</item>
/// <item>5xx, timeouts and connection failures → retried later with exponential backoff; the account stays usable.</item>
/// </list>
/// </summary>
public sealed class RefreshTikTokTokenCommand(
    MidxDbContext db,
    TikTokApiClient tikTok,
    TikTokTokenVault vault,
    TikTokRefreshLocks locks,
    AuditLog audit,
    IOptions<TikTokOptions> options,
    TimeProvider time,
    ILogger<RefreshTikTokTokenCommand> logger)
{
    /// <summary>
    /// A token with less than this left is refreshed before use, so no call starts with a token about to expire.
    /// </summary>
    public static readonly TimeSpan BeforeUseMargin = TimeSpan.FromMinutes(5);

    public async Task<TokenRefreshResult> ExecuteAsync(Guid accountId, TokenRefreshReason reason, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(accountId, cancellationToken);
        db.ChangeTracker.Clear();
        var account = await db.TikTokAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return new TokenRefreshResult(TokenRefreshOutcome.NotFound, null, "This TikTok account is no longer linked.", null);
        }

        if (account.TokenState == TokenState.NeedsReconnect)
        {
            return new TokenRefreshResult(TokenRefreshOutcome.NeedsReconnect, null, account.TokenProblem, null);
        }

        if (reason == TokenRefreshReason.RefusedAfterRenewal)
        {
            return await NeedsReconnectAsync(account,
                "TikTok refused Midx's access to this account even after it was renewed. Reconnect the account to keep posting.",
                "access token refused after renewal", null, cancellationToken, onlyIfUnchanged: true);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!IsDue(account, reason, now))
        {
            return await CurrentTokenAsync(account, TokenRefreshOutcome.StillFresh, null, cancellationToken);
        }

        if (account.RefreshTokenExpiresAt is { } refreshExpiry && refreshExpiry <= now)
        {
            return await NeedsReconnectAsync(account,
                "TikTok's sign-in for this account has expired. Reconnect the account to keep posting.",
                "refresh token expired", null, cancellationToken);
        }

        if (!vault.TryReadRefreshToken(account, out var refreshToken, out var problem))
        {
            return await NeedsReconnectAsync(account, problem, "refresh token unreadable", null, cancellationToken);
        }

        var sentCipher = account.RefreshTokenCipher;
        TikTokResult<TikTokTokenGrant> answer;
        try
        {
            answer = await tikTok.RefreshTokenAsync(refreshToken, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Refreshing TikTok account {AccountId} failed: TikTok could not be reached ({Fault})", account.Id, ex.GetType().Name);
            return await PostponeAsync(account, now, null, cancellationToken);
        }

        if (answer.IsSuccess)
        {
            return await SaveGrantAsync(account, answer.Value, sentCipher, now, cancellationToken);
        }

        if (answer.Error.Kind == TikTokErrorKind.Reconnect)
        {
            // Another instance may have rotated the token while we were asking; then ours was simply stale.
            return await NeedsReconnectAsync(account, answer.Error.UserMessage, answer.Error.Code.Value, answer.Error, cancellationToken, onlyIfUnchanged: true);
        }

        logger.LogWarning("Refreshing TikTok account {AccountId} failed with {TikTokErrorCode} ({TikTokErrorKind}, log_id {TikTokLogId}); will retry",
            account.Id, answer.Error.Code, answer.Error.Kind, answer.Error.LogId);
        return await PostponeAsync(account, now, answer.Error, cancellationToken);
    }

    private static bool IsDue(TikTokAccount account, TokenRefreshReason reason, DateTime now) => reason switch
    {
        TokenRefreshReason.Scheduled => account.NextRefreshAttemptAt is { } next && next <= now,
        _ => account.AccessTokenExpiresAt is not { } expires || expires - now < BeforeUseMargin,
    };

    private async Task<TokenRefreshResult> SaveGrantAsync(TikTokAccount account, TikTokTokenGrant grant, string? sentCipher, DateTime now, CancellationToken cancellationToken)
    {
        vault.Store(account, grant, now, options.Value.RefreshAtLifetimeFraction);
        account.LastSeenAt = now;
        var updated = await db.TikTokAccounts
            .Where(a => a.Id == account.Id && a.RefreshTokenCipher == sentCipher)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.AccessTokenCipher, account.AccessTokenCipher)
                .SetProperty(a => a.AccessTokenExpiresAt, account.AccessTokenExpiresAt)
                .SetProperty(a => a.RefreshTokenCipher, account.RefreshTokenCipher)
                .SetProperty(a => a.RefreshTokenExpiresAt, account.RefreshTokenExpiresAt)
                .SetProperty(a => a.NextRefreshAttemptAt, account.NextRefreshAttemptAt)
                .SetProperty(a => a.LastRefreshedAt, account.LastRefreshedAt)
                .SetProperty(a => a.LastSeenAt, account.LastSeenAt)
                .SetProperty(a => a.RefreshFailures, 0)
                .SetProperty(a => a.GrantedScopes, account.GrantedScopes)
                .SetProperty(a => a.TokenState, TokenState.Active)
                .SetProperty(a => a.TokenProblem, (string?)null),
                cancellationToken);
        if (updated == 1)
        {
            logger.LogInformation("Refreshed TikTok account {AccountId}; access token valid for {ExpiresInSeconds} s", account.Id, grant.ExpiresIn);
            return new TokenRefreshResult(TokenRefreshOutcome.Refreshed, grant.AccessToken, null, null);
        }

        // The row changed under us (another instance refreshed, or the account was disconnected): the row wins.
        logger.LogInformation("TikTok account {AccountId} changed during its refresh; using the saved state", account.Id);
        return await RotatedElsewhereAsync(account.Id, sentCipher, cancellationToken)
            ?? new TokenRefreshResult(TokenRefreshOutcome.NotFound, null, "This TikTok account is no longer linked.", null);
    }

    private async Task<TokenRefreshResult?> RotatedElsewhereAsync(Guid accountId, string? sentCipher, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var saved = await db.TikTokAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (saved is null || saved.RefreshTokenCipher == sentCipher)
        {
            return null;
        }

        return saved.TokenState == TokenState.NeedsReconnect
            ? new TokenRefreshResult(TokenRefreshOutcome.NeedsReconnect, null, saved.TokenProblem, null)
            : await CurrentTokenAsync(saved, TokenRefreshOutcome.StillFresh, null, cancellationToken);
    }

    private async Task<TokenRefreshResult> CurrentTokenAsync(TikTokAccount account, TokenRefreshOutcome outcome, TikTokError? error, CancellationToken cancellationToken)
    {
        if (!vault.TryReadAccessToken(account, out var accessToken, out var problem))
        {
            return await NeedsReconnectAsync(account, problem, "access token unreadable", null, cancellationToken);
        }

        var usable = account.AccessTokenExpiresAt is not { } expires || expires > time.GetUtcNow().UtcDateTime;
        return new TokenRefreshResult(outcome, usable ? accessToken : null, usable ? null : "TikTok could not be reached to renew this account's sign-in.", error);
    }

    private async Task<TokenRefreshResult> PostponeAsync(TikTokAccount account, DateTime now, TikTokError? error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var failures = account.RefreshFailures + 1;
        var next = now + RetryDelay.Doubling(settings.RefreshRetryBaseDelay, failures, settings.RefreshRetryMaxDelay);
        await db.TikTokAccounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.RefreshFailures, failures)
            .SetProperty(a => a.NextRefreshAttemptAt, next), cancellationToken);
        account.RefreshFailures = failures;
        account.NextRefreshAttemptAt = next;
        return await CurrentTokenAsync(account, TokenRefreshOutcome.Postponed, error, cancellationToken);
    }

    private async Task<TokenRefreshResult> NeedsReconnectAsync(
        TikTokAccount account, string problem, string reason, TikTokError? error, CancellationToken cancellationToken, bool onlyIfUnchanged = false)
    {
        var sentCipher = account.RefreshTokenCipher;
        TikTokTokenVault.MarkNeedsReconnect(account, problem);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional on the refresh token we sent when TikTok refused it: if another instance rotated it meanwhile,
        // its grant is good and this account must not be marked.
        var updated = await db.TikTokAccounts
            .Where(a => a.Id == account.Id && (!onlyIfUnchanged || a.RefreshTokenCipher == sentCipher))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.TokenState, TokenState.NeedsReconnect)
                .SetProperty(a => a.TokenProblem, account.TokenProblem)
                .SetProperty(a => a.AccessTokenCipher, (string?)null)
                .SetProperty(a => a.RefreshTokenCipher, (string?)null)
                .SetProperty(a => a.NextRefreshAttemptAt, (DateTime?)null),
                cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RotatedElsewhereAsync(account.Id, sentCipher, cancellationToken)
                ?? new TokenRefreshResult(TokenRefreshOutcome.NotFound, null, "This TikTok account is no longer linked.", error);
        }

        db.ChangeTracker.Clear();
        audit.Add(TikTokAuditActions.NeedsReconnect, actorUserId: null, subjectUserId: account.UserId,
            $"TikTok account {account.Id} (@{account.Username}) needs reconnecting: {reason}" + (error?.LogId is { } logId ? $" (log_id {logId})" : ""));
        // The UPDATE above bypasses the change tracker, so its webhook event is staged here, in the same transaction.
        await WebhookOutbox.AddAsync(db, account.WorkspaceId, WebhookEventTypes.AccountNeedsReconnect,
            new WebhookAccountData(account.Id, ApiNames.Of(TokenState.NeedsReconnect)), time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("TikTok account {AccountId} needs reconnecting: {Reason}", account.Id, reason);
        return new TokenRefreshResult(TokenRefreshOutcome.NeedsReconnect, null, problem, error);
    }
}
