using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Midx.App.Api;

/// <summary>
/// The link an API upload's bytes are sent to: its token is Data Protection ciphertext naming the workspace, the upload's
/// id, the file's name and the link's expiry, so it is useless for another workspace, another upload, or after it expired.
/// Nothing is stored for an upload until its bytes arrive.
/// </summary>
public sealed class ApiUploadLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<ApiOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Midx.Api.UploadLink.v1");

    /// <summary>A new upload's id, the path (with its token) to PUT the bytes to, and until when it takes them.</summary>
    public (Guid Id, string Url, DateTime ExpiresAt) Create(Guid workspaceId, string? fileName)
    {
        var id = Guid.CreateVersion7();
        var expiresAt = time.GetUtcNow().UtcDateTime.AddMinutes(options.Value.UploadLinkMinutes);
        var seconds = new DateTimeOffset(expiresAt).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var token = _protector.Protect($"{workspaceId:N}|{id:N}|{seconds}|{fileName}");
        return (id, $"{ApiEndpoints.BasePath}/uploads/{id}/content?t={Uri.EscapeDataString(token)}", expiresAt);
    }

    /// <summary>The file's name the upload was created with ("" when none), or null when the token is not a live one for it.</summary>
    public string? Open(string? token, Guid workspaceId, Guid uploadId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|', 4);
        return parts.Length == 4
            && parts[0] == workspaceId.ToString("N")
            && parts[1] == uploadId.ToString("N")
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
                ? parts[3]
                : null;
    }
}
