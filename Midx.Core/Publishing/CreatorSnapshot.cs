namespace Midx.Core.Publishing;

/// <summary>
/// The parts of a fresh TikTok <c>creator_info</c>
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info) that the compose page shows
/// and the submission is checked against.
/// </summary>
public sealed record CreatorSnapshot(
    string Nickname,
    string? Username,
    string? AvatarUrl,
    IReadOnlyList<string> PrivacyLevelOptions,
    bool CommentDisabled,
    bool DuetDisabled,
    bool StitchDisabled,
    int MaxVideoPostDurationSec);
