using System.Security.Cryptography;
using System.Text;

namespace Midx.Core.Api;

/// <summary>
/// An API key as the integrator holds it: <c>midx_</c>, an 8-character visible id, an underscore and a 32-character
/// secret, all from Crockford's 32-letter alphabet. Only the SHA-256 of the whole key is stored; a plain hash
/// suffices because the secret carries 160 bits of entropy.
/// </summary>
public static class ApiKeySecret
{
    public const string Start = "midx_";

    /// <summary>Crockford's base 32 in lower case: no i, l, o or u to misread.</summary>
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int IdLength = 8;
    private const int SecretLength = 32;

    /// <summary>A new key and its visible prefix.</summary>
    public static (string Key, string Prefix) New()
    {
        var prefix = Start + Random(IdLength);
        return ($"{prefix}_{Random(SecretLength)}", prefix);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The visible prefix of a presented key, or null when it does not have the shape of a Midx key.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length != Start.Length + IdLength + 1 + SecretLength || !key.StartsWith(Start, StringComparison.Ordinal)
            || key[Start.Length + IdLength] != '_')
        {
            return null;
        }

        return key[..(Start.Length + IdLength)];
    }

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Random(int length) => string.Create(length, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
