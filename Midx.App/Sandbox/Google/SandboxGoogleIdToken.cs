using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// The id_token Google adds to a token response when the openid scope was granted: iss, azp, aud (the client id),
/// sub, at_hash, iat, exp (an hour later), the nonce the authorization request carried, and the claims the other
/// scopes release (https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload).
/// </summary>
public sealed class SandboxGoogleIdToken(SandboxGoogleSigningKey key, SandboxOrigin origin, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The issuer: the stand-in's base URL, which is where its discovery document lives.</summary>
    public string Issuer => new Uri(origin.Origin, SandboxRegistration.GooglePath).ToString();

    /// <summary>Null unless <paramref name="scope"/> includes openid, as Google issues none without it.</summary>
    public string? IssueFor(SandboxGoogleIdentity identity, string scope, string clientId, string accessToken, string? nonce)
    {
        if (!scope.Split(' ').Contains("openid"))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var payload = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = Issuer,
            ["azp"] = clientId,
            ["aud"] = clientId,
            ["at_hash"] = AccessTokenHash(accessToken),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(Lifetime).ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in SandboxGoogleClaims.For(identity, scope, origin.Origin))
        {
            payload[name] = value;
        }

        if (!string.IsNullOrEmpty(nonce))
        {
            payload["nonce"] = nonce;
        }

        return key.Sign(payload);
    }

    // OpenID Connect Core 3.1.3.6: the left half of the SHA-256 of the access token, base64url.
    private static string AccessTokenHash(string accessToken) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
}
