namespace Midx.Core.Publishing;

/// <summary>
/// TikTok's hard limits on a video, checked before any TikTok call
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
/// </summary>
public static class VideoLimits
{
    /// <summary>4 GB, read as 4 × 1024³ as in the chunk planner.</summary>
    public const long MaxBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The longest video the API accepts at all; a creator's own limit may be lower.</summary>
    public const int MaxApiDurationSeconds = 600;
}
