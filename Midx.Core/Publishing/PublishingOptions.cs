using System.ComponentModel.DataAnnotations;

namespace Midx.Core.Publishing;

/// <summary>Settings under <c>Midx:Publishing</c>: limits on uploads and how jobs are worked.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Midx:Publishing";

    /// <summary>Uploads one user may start per hour (a fixed window); more get HTTP 429 with a plain message.</summary>
    [Range(1, 1000)]
    public int UploadsPerHour { get; set; } = 30;

    /// <summary>Uploads one user may have in flight at the same time.</summary>
    [Range(1, 20)]
    public int MaxConcurrentUploadsPerUser { get; set; } = 2;

    /// <summary>How long a preview link to an uploaded video works.</summary>
    [Range(1, 240)]
    public int PreviewLinkMinutes { get; set; } = 30;

    /// <summary>
    /// URL prefixes verified in the TikTok developer portal for PULL_FROM_URL (docs/tiktok-api.md §3.6), e.g.
    /// <c>https://media.example.com/videos/</c>. Empty means posting from a URL is off.
    /// </summary>
    public string[] PullFromUrlPrefixes { get; set; } = [];
}
