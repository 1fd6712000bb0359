using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Midx.Core.TikTok;

/// <summary>
/// Encrypts TikTok tokens before they reach <see cref="TikTokAccount"/> and reads them back. Each token kind has
/// its own purpose, and each ciphertext is further bound to its account's id, so a ciphertext copied into another
/// row or column does not decrypt. A token that cannot be decrypted (key revoked, master key changed or lost) is
/// reported, never thrown: the caller marks the account "needs reconnect".
/// </summary>
public sealed class TikTokTokenVault(IDataProtectionProvider protection)
{
    public const string AccessTokenPurpose = "Midx.TikTok.AccessToken.v1";
    public const string RefreshTokenPurpose = "Midx.TikTok.RefreshToken.v1";

    public const string UnreadableProblem =
        "Midx can no longer read this account's saved TikTok sign-in (its encryption key was replaced). Reconnect the account to keep posting.";

    public const string MissingProblem = "This account has no saved TikTok sign-in. Reconnect it to keep posting.";

    /// <summary>
    /// Saves a fresh grant on the account: both tokens encrypted, expiry times from TikTok's <c>expires_in</c> and
    /// <c>refresh_expires_in</c> (never assumed: TikTok has changed the lifetimes before,
    /// https://developers.tiktok.com/doc/oauth-user-access-token-management), granted scopes, and when to refresh next.
    /// </summary>
    public void Store(TikTokAccount account, TikTokTokenGrant grant, DateTime now, double refreshAtLifetimeFraction)
    {
        account.AccessTokenCipher = Protector(AccessTokenPurpose, account.Id).Protect(grant.AccessToken);
        account.RefreshTokenCipher = Protector(RefreshTokenPurpose, account.Id).Protect(grant.RefreshToken);
        account.AccessTokenExpiresAt = now.AddSeconds(grant.ExpiresIn);
        account.RefreshTokenExpiresAt = grant.RefreshExpiresIn > 0 ? now.AddSeconds(grant.RefreshExpiresIn) : null;
        account.NextRefreshAttemptAt = now.AddSeconds(grant.ExpiresIn * refreshAtLifetimeFraction);
        account.LastRefreshedAt = now;
        account.RefreshFailures = 0;
        account.TokenState = TokenState.Active;
        account.TokenProblem = null;
        if (!string.IsNullOrWhiteSpace(grant.Scope))
        {
            account.GrantedScopes = string.Join(',', grant.Scopes);
        }
    }

    public bool TryReadAccessToken(TikTokAccount account, [NotNullWhen(true)] out string? token, [NotNullWhen(false)] out string? problem) =>
        TryRead(AccessTokenPurpose, account.Id, account.AccessTokenCipher, out token, out problem);

    public bool TryReadRefreshToken(TikTokAccount account, [NotNullWhen(true)] out string? token, [NotNullWhen(false)] out string? problem) =>
        TryRead(RefreshTokenPurpose, account.Id, account.RefreshTokenCipher, out token, out problem);

    /// <summary>Forgets both tokens and asks the creator to reconnect, saying why.</summary>
    public static void MarkNeedsReconnect(TikTokAccount account, string problem)
    {
        account.TokenState = TokenState.NeedsReconnect;
        account.TokenProblem = problem.Length > 500 ? problem[..500] : problem;
        account.AccessTokenCipher = null;
        account.RefreshTokenCipher = null;
        account.NextRefreshAttemptAt = null;
    }

    private bool TryRead(string purpose, Guid accountId, string? cipher, [NotNullWhen(true)] out string? token, [NotNullWhen(false)] out string? problem)
    {
        token = null;
        if (string.IsNullOrEmpty(cipher))
        {
            problem = MissingProblem;
            return false;
        }

        try
        {
            token = Protector(purpose, accountId).Unprotect(cipher);
            problem = null;
            return true;
        }
        catch (CryptographicException)
        {
            problem = UnreadableProblem;
            return false;
        }
        catch (FormatException)
        {
            problem = UnreadableProblem;
            return false;
        }
    }

    private IDataProtector Protector(string purpose, Guid accountId) => protection.CreateProtector(purpose, accountId.ToString("N"));
}
