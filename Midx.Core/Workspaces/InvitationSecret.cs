using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Midx.Core.Workspaces;

/// <summary>
/// The secret an invitation link carries: 32 random bytes, URL-safe. Only its SHA-256 is stored, so a copy of the
/// database cannot be turned into working links; a plain hash suffices because the secret has 256 bits of entropy.
/// </summary>
public static class InvitationSecret
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What <see cref="WorkspaceInvitation.TokenHash"/> holds for <paramref name="secret"/>: lower-case hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
