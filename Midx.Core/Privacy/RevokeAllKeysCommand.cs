using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Privacy;

/// <summary>
/// The response to a leaked key ring (privacy promise 13, listed on /privacy). Every TikTok token that can still be read is revoked at
/// TikTok first (a leaked ciphertext must not stay usable there), then every Data Protection key is revoked and a new
/// one created, and every linked account is marked "needs reconnect" with the reason. Sessions and antiforgery tokens
/// were protected by the same keys, so everyone signs in again. Nothing is ever decrypted with a revoked key afterwards:
/// Data Protection refuses it, and the token vault turns that refusal into "needs reconnect".
/// </summary>
public sealed class RevokeAllKeysCommand(
    MidxDbContext db,
    IKeyManager keys,
    IKeyRingProvider keyRing,
    TikTokTokenVault vault,
    TikTokApiClient tikTok,
    AuditLog audit,
    TimeProvider time,
    ILogger<RevokeAllKeysCommand> logger)
{
    public const string ReconnectProblem =
        "Midx replaced its encryption keys to protect your account, so this TikTok connection has to be made again. Reconnect it to keep posting.";

    /// <summary>How long to wait for this process's key ring to switch to the new key before going on regardless.</summary>
    private static readonly TimeSpan KeyRingSwitchLimit = TimeSpan.FromSeconds(10);

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
        var newKey = keys.CreateNewKey(now, now.AddDays(90));
        await WaitForKeyRingAsync(newKey.KeyId, cancellationToken);

        // Other instances pick the new key up at their next key ring refresh (the README asks to restart them); a new
        // security stamp ends every session on its very next request regardless (SessionStampQuery checks it each time).
        var stamp = Guid.NewGuid().ToString("N");
        await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, stamp), cancellationToken);

        audit.Add(AuditActions.KeysRevoked, adminUserId, detail:
            $"All encryption keys revoked ({reason}); {accounts.Count} TikTok account(s) asked to reconnect, {revokedAtTikTok} revoked at TikTok.");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("All Data Protection keys revoked; {Accounts} TikTok accounts need reconnecting", accounts.Count);
        return new Result(accounts.Count, revokedAtTikTok);
    }

    /// <summary>
    /// Data Protection refreshes its cached key ring in the background after a change and serves the old ring until the
    /// refresh is done, so for a moment new cookies and OAuth states could still be protected with a revoked key (and be
    /// unreadable a moment later). Asking for the ring until its default key is the new one starts that refresh and
    /// returns once this process protects everything with the new key.
    /// </summary>
    private async Task WaitForKeyRingAsync(Guid newKeyId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + KeyRingSwitchLimit;
        while (keyRing.GetCurrentKeyRing().DefaultKeyId != newKeyId)
        {
            if (time.GetUtcNow() >= deadline)
            {
                logger.LogWarning("The key ring still had its old default key {Seconds} s after the revocation", KeyRingSwitchLimit.TotalSeconds);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
        }
    }
}
