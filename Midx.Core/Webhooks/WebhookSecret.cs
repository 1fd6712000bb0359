using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Midx.Core.Webhooks;

/// <summary>
/// An endpoint's signing secret: <c>whsec_</c> and 48 hex characters (192 random bits), shown once, stored encrypted with
/// Data Protection (its own purpose, bound to the endpoint's id, as TikTok tokens are), and read back to sign deliveries.
/// </summary>
public sealed class WebhookSecret(IDataProtectionProvider protection)
{
    public const string Purpose = "Midx.Webhooks.SigningSecret.v1";

    public const string Start = "whsec_";

    public static string New() => Start + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public string Protect(Guid endpointId, string secret) => Protector(endpointId).Protect(secret);

    /// <summary>False when the ciphertext no longer decrypts (its key was revoked or the master key replaced).</summary>
    public bool TryRead(Guid endpointId, string cipher, [NotNullWhen(true)] out string? secret)
    {
        try
        {
            secret = Protector(endpointId).Unprotect(cipher);
            return true;
        }
        catch (CryptographicException)
        {
            secret = null;
            return false;
        }
    }

    /// <summary>
    /// The <c>Midx-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> where the HMAC's key is the
    /// whole secret as UTF-8 and its message is <c>&lt;t&gt;.&lt;raw body&gt;</c>; the same scheme as Stripe's
    /// (https://docs.stripe.com/webhooks#verify-manually), so receivers can check the time and reject replays.
    /// </summary>
    public static string Signature(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private IDataProtector Protector(Guid endpointId) => protection.CreateProtector(Purpose, endpointId.ToString("N"));
}
