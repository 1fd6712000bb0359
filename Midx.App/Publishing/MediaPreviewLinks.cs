using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Short-lived links to preview a video: an upload, for the person who uploaded it, or a post's video, for a member of
/// its workspace (a reviewer sees what a colleague uploaded). The token is Data Protection ciphertext naming the reader,
/// the video or post and the expiry, with a purpose of its own for each kind, so a link is useless to anyone else, useless
/// for anything else, and useless to its reader once it has expired.
/// </summary>
public sealed class MediaPreviewLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<PublishingOptions> options)
{
    private readonly IDataProtector _uploads = protection.CreateProtector("Midx.Publishing.MediaPreview.v1");
    private readonly IDataProtector _posts = protection.CreateProtector("Midx.Publishing.PostVideoPreview.v1");

    public string CreateUrl(Guid userId, Guid mediaId) => $"{UploadEndpoints.Path}/{mediaId:N}/preview?t={Token(_uploads, userId, mediaId)}";

    public bool IsValid(string? token, Guid userId, Guid mediaId) => IsValid(_uploads, token, userId, mediaId);

    /// <summary>A link to the video of post <paramref name="jobId"/> for <paramref name="userId"/> (JobEndpoints checks their membership again).</summary>
    public string CreatePostUrl(Guid userId, Guid jobId) => $"{JobEndpoints.VideoPath(jobId)}?t={Token(_posts, userId, jobId)}";

    public bool IsValidForPost(string? token, Guid userId, Guid jobId) => IsValid(_posts, token, userId, jobId);

    private string Token(IDataProtector protector, Guid userId, Guid subjectId)
    {
        var expires = time.GetUtcNow().AddMinutes(options.Value.PreviewLinkMinutes).ToUnixTimeSeconds();
        return Uri.EscapeDataString(protector.Protect($"{userId:N}|{subjectId:N}|{expires.ToString(CultureInfo.InvariantCulture)}"));
    }

    private bool IsValid(IDataProtector protector, string? token, Guid userId, Guid subjectId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        return parts.Length == 3
            && parts[0] == userId.ToString("N")
            && parts[1] == subjectId.ToString("N")
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires;
    }
}
