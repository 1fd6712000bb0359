using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Short-lived links to preview an uploaded video. The token is Data Protection ciphertext naming the owner, the
/// video and the expiry, so a link is useless to anyone else, and useless to its owner once it has expired.
/// </summary>
public sealed class MediaPreviewLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<PublishingOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Midx.Publishing.MediaPreview.v1");

    public string CreateUrl(Guid userId, Guid mediaId)
    {
        var expires = time.GetUtcNow().AddMinutes(options.Value.PreviewLinkMinutes).ToUnixTimeSeconds();
        var token = _protector.Protect($"{userId:N}|{mediaId:N}|{expires.ToString(CultureInfo.InvariantCulture)}");
        return $"{UploadEndpoints.Path}/{mediaId:N}/preview?t={Uri.EscapeDataString(token)}";
    }

    public bool IsValid(string? token, Guid userId, Guid mediaId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        return parts.Length == 3
            && parts[0] == userId.ToString("N")
            && parts[1] == mediaId.ToString("N")
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires;
    }
}
