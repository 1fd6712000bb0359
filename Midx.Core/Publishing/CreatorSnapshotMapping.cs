using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>Reads the compose page's <see cref="CreatorSnapshot"/> from TikTok's <c>creator_info</c> answer.</summary>
public static class CreatorSnapshotMapping
{
    public static CreatorSnapshot ToSnapshot(this TikTokCreatorInfo info) => new(
        string.IsNullOrWhiteSpace(info.CreatorNickname) ? info.CreatorUsername ?? "TikTok account" : info.CreatorNickname,
        info.CreatorUsername,
        info.CreatorAvatarUrl,
        info.PrivacyLevelOptions,
        info.CommentDisabled,
        info.DuetDisabled,
        info.StitchDisabled,
        // TikTok's own 10-minute cap applies even if creator_info ever reports more
        // (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
        info.MaxVideoPostDurationSec > 0 ? Math.Min(info.MaxVideoPostDurationSec, VideoLimits.MaxApiDurationSeconds) : VideoLimits.MaxApiDurationSeconds);
}
