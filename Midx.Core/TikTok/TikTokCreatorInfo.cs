namespace Midx.Core.TikTok;

/// <summary>
/// <c>data</c> of <c>POST /v2/post/publish/creator_info/query/</c>
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info): what this creator may post
/// right now.
/// </summary>
public sealed record TikTokCreatorInfo
{
    public string? CreatorAvatarUrl { get; init; }
    public string? CreatorUsername { get; init; }
    public string? CreatorNickname { get; init; }
    public IReadOnlyList<string> PrivacyLevelOptions { get; init; } = [];
    public bool CommentDisabled { get; init; }
    public bool DuetDisabled { get; init; }
    public bool StitchDisabled { get; init; }
    public int MaxVideoPostDurationSec { get; init; }
}
