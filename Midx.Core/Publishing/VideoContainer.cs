namespace Midx.Core.Publishing;

/// <summary>
/// The containers TikTok accepts (media restrictions of
/// https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
/// </summary>
public enum VideoContainer
{
    Mp4,
    QuickTime,
    WebM,
}
