using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.TikTok;

/// <summary>
/// Disconnects a TikTok account (docs/tiktok-api.md §1.8): refreshes first if the access token has expired (TikTok
/// revokes only a live access token), revokes it at TikTok, then deletes the row with both tokens and records an
/// audit event. The local delete happens even when TikTok cannot be reached or refuses, and the result says so.
/// </summary>
public sealed class DisconnectTikTokAccountCommand(
    MidxDbContext db,
    TikTokApiClient tikTok,
    TikTokAccessTokens tokens,
    AuditLog audit,
    ILogger<DisconnectTikTokAccountCommand> logger)
{
    public async Task<TikTokDisconnectResult> ExecuteAsync(Guid userId, Guid accountId, CancellationToken cancellationToken)
    {
        var owned = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.UserId == userId)
            .Select(a => new { a.Id, a.Username, a.TokenState })
            .SingleOrDefaultAsync(cancellationToken);
        if (owned is null)
        {
            return new TikTokDisconnectResult(TikTokDisconnectOutcome.NotFound, null);
        }

        var revoked = false;
        string? revokeProblem = null;
        if (owned.TokenState == TokenState.Active)
        {
            try
            {
                var token = await tokens.GetFreshAccessTokenAsync(accountId, cancellationToken);
                if (token.AccessToken is { } accessToken)
                {
                    var answer = await tikTok.RevokeAsync(accessToken, cancellationToken);
                    revoked = answer.IsSuccess;
                    revokeProblem = answer.Error is { } error ? $"{error.Code} (log_id {error.LogId})" : null;
                }
                else
                {
                    revokeProblem = token.Outcome.ToString();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
            {
                revokeProblem = "TikTok unreachable";
                logger.LogWarning("Revoking TikTok account {AccountId} failed: TikTok could not be reached ({Fault})", accountId, ex.GetType().Name);
            }
        }
        else
        {
            revokeProblem = "no usable token";
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.TikTokAccounts.Where(a => a.Id == accountId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        audit.Add(TikTokAuditActions.Disconnected, userId, userId,
            $"TikTok account {accountId} (@{owned.Username}) disconnected; tokens deleted; "
            + (revoked ? "access revoked at TikTok" : $"not revoked at TikTok: {revokeProblem}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} disconnected TikTok account {AccountId}; revoked at TikTok: {Revoked}", userId, accountId, revoked);
        return new TikTokDisconnectResult(revoked ? TikTokDisconnectOutcome.Revoked : TikTokDisconnectOutcome.DeletedButNotRevoked, owned.Username);
    }
}

public sealed record TikTokDisconnectResult(TikTokDisconnectOutcome Outcome, string? Username);

public enum TikTokDisconnectOutcome
{
    /// <summary>Revoked at TikTok and deleted here.</summary>
    Revoked,

    /// <summary>Deleted here; TikTok could not be reached or refused, so the creator should remove Midx in the TikTok app.</summary>
    DeletedButNotRevoked,

    /// <summary>No such account for this user.</summary>
    NotFound,
}
