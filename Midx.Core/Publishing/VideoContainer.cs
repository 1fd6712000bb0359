namespace Midx.Core.Publishing;

/// <summary>The containers TikTok accepts (docs/tiktok-api.md §3.5, media restrictions).</summary>
public enum VideoContainer
{
    Mp4,
    QuickTime,
    WebM,
}
