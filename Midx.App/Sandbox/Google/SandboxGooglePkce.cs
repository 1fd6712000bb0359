using System.Security.Cryptography;
using System.Text;
using Midx.App.Sandbox.TikTok;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// Proof Key for Code Exchange as Google checks it: optional, but once an authorization request carries a
/// code_challenge, the code exchange must present the matching code_verifier, hashed with S256 or compared as plain
/// (the default method)
/// (https://developers.google.com/identity/protocols/oauth2/native-app#step1-code-verifier).
/// </summary>
public static class SandboxGooglePkce
{
    public const string Plain = "plain";
    public const string S256 = "S256";

    public static bool IsSupportedMethod(string? method) => string.IsNullOrEmpty(method) || method is Plain or S256;

    /// <summary>True when <paramref name="verifier"/> is well formed and matches the challenge under its method.</summary>
    public static bool Verifies(string? verifier, string challenge, string? method)
    {
        if (verifier is null || !PkceCheck.IsValidVerifier(verifier))
        {
            return false;
        }

        var expected = method == S256 ? PkceCheck.Base64UrlChallenge(verifier) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }
}
