using System.Security.Cryptography;
using System.Text;

namespace Midx.Core.TikTok;

/// <summary>
/// PKCE the way TikTok does it (https://developers.tiktok.com/doc/login-kit-desktop): a verifier of 43–128
/// characters from the unreserved alphabet, and a challenge that is the lowercase HEX of SHA-256(verifier) — not
/// RFC 7636's base64url, which TikTok refuses ("Code verifier or code challenge is invalid"). That is why ASP.NET
/// Core's UsePkce is not used.
/// </summary>
public static class TikTokPkce
{
    public const int VerifierLength = 64;

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    public static string CreateVerifier() => new(RandomNumberGenerator.GetItems<char>(Unreserved, VerifierLength));

    public static string HexChallenge(string verifier) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
