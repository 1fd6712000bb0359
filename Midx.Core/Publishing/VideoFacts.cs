namespace Midx.Core.Publishing;

/// <summary>What Midx read from a video's own bytes: never from its name or the browser's claim.</summary>
public sealed record VideoFacts(VideoContainer Container, long Size, TimeSpan Duration)
{
    /// <summary>
    /// The Content-Type TikTok expects on the upload PUT
    /// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
    /// </summary>
    public string MimeType => Container switch
    {
        VideoContainer.Mp4 => "video/mp4",
        VideoContainer.QuickTime => "video/quicktime",
        _ => "video/webm",
    };

    public string Extension => Container switch
    {
        VideoContainer.Mp4 => ".mp4",
        VideoContainer.QuickTime => ".mov",
        _ => ".webm",
    };

    public int DurationMs => (int)Math.Min(int.MaxValue, Math.Round(Duration.TotalMilliseconds));
}
