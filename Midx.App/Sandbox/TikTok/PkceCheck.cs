using System.Security.Cryptography;
using System.Text;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// TikTok's PKCE: <c>code_challenge</c> is the lowercase hex of SHA-256(code_verifier), not RFC 7636 base64url
/// (https://developers.tiktok.com/doc/login-kit-desktop). <see cref="PkceMode.AcceptBase64Url"/> also accepts the RFC
/// form.
/// </summary>
public static class PkceCheck
{
    public static bool IsValidVerifier(string verifier) =>
        verifier.Length is >= 43 and <= 128
        && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    public static string HexChallenge(string verifier) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string Base64UrlChallenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool Matches(string challenge, string verifier, PkceMode mode)
    {
        if (!IsValidVerifier(verifier))
        {
            return false;
        }

        return string.Equals(challenge, HexChallenge(verifier), StringComparison.Ordinal)
            || (mode == PkceMode.AcceptBase64Url
                && string.Equals(challenge, Base64UrlChallenge(verifier), StringComparison.Ordinal));
    }
}
