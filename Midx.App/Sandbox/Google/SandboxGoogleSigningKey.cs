using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// The stand-in Google's id_token signing key: one RSA key per process, signing RS256 JWTs and published at the
/// jwks_uri as a JWK set, as Google publishes its keys
/// (https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken).
/// </summary>
public sealed class SandboxGoogleSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public SandboxGoogleSigningKey()
    {
        var modulus = _rsa.ExportParameters(includePrivateParameters: false).Modulus!;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(modulus)[..20]);
    }

    public string KeyId { get; }

    /// <summary>A compact JWS: base64url(header).base64url(payload).base64url(RS256 signature).</summary>
    public string Sign(IReadOnlyDictionary<string, object> payload)
    {
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" };
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + WebEncoders.Base64UrlEncode(signature);
    }

    /// <summary>The public half as a JWK set, the shape of https://www.googleapis.com/oauth2/v3/certs.</summary>
    public object JsonWebKeySet()
    {
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    alg = "RS256",
                    use = "sig",
                    kid = KeyId,
                    n = WebEncoders.Base64UrlEncode(key.Modulus!),
                    e = WebEncoders.Base64UrlEncode(key.Exponent!),
                },
            },
        };
    }

    public void Dispose() => _rsa.Dispose();

    private static string Encode(object value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
}
