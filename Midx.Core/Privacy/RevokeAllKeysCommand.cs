using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Privacy;

/// <summary>
/// The response to a leaked key ring (product.md promise 13). Every TikTok token that can still be read is revoked at
/// TikTok first (a leaked ciphertext must not stay usable there), then every Data Protection key is revoked and a new
/// one created, and every linked account is marked "needs reconnect" with the reason. Sessions and antiforgery tokens
/// were protected by the same keys, so everyone signs in again. Nothing is ever decrypted with a revoked key afterwards:
/// Data Protection refuses it, and the token vault turns that refusal into "needs reconnect".
/// </summary>
public sealed class RevokeAllKeysCommand(
    MidxDbContext db,
    IKeyManager keys,
    TikTokTokenVault vault,
    TikTokApiClient tikTok,
    AuditLog audit,
    TimeProvider time,
    ILogger<RevokeAllKeysCommand> logger)
{
    public const string ReconnectProblem =
        "Midx replaced its encryption keys to protect your account, so this TikTok connection has to be made again. Reconnect it to keep posting.";

    public sealed record Result(int AccountsToReconnect, int RevokedAtTikTok);

    public async Task<Result> ExecuteAsync(Guid? adminUserId, string reason, CancellationToken cancellationToken)
    {
        var accounts = await db.TikTokAccounts.Where(a => a.AccessTokenCipher != null || a.RefreshTokenCipher != null).ToListAsync(cancellationToken);
        var revokedAtTikTok = 0;
        foreach (var account in accounts)
        {
            if (vault.TryReadAccessToken(account, out var accessToken, out _))
            {
                try
                {
                    revokedAtTikTok += (await tikTok.RevokeAsync(accessToken, cancellationToken)).IsSuccess ? 1 : 0;
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException)
                {
                    logger.LogWarning("Revoking TikTok account {AccountId} before key rotation failed: {Fault}", account.Id, e.GetType().Name);
                }
            }

            TikTokTokenVault.MarkNeedsReconnect(account, ReconnectProblem);
        }

        var now = time.GetUtcNow();
        keys.RevokeAllKeys(now, reason);
        keys.CreateNewKey(now, now.AddDays(90));

        audit.Add(AuditActions.KeysRevoked, adminUserId, detail:
            $"All encryption keys revoked ({reason}); {accounts.Count} TikTok account(s) asked to reconnect, {revokedAtTikTok} revoked at TikTok.");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("All Data Protection keys revoked; {Accounts} TikTok accounts need reconnecting", accounts.Count);
        return new Result(accounts.Count, revokedAtTikTok);
    }
}
