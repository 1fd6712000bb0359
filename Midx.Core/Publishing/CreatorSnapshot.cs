namespace Midx.Core.Publishing;

/// <summary>
/// The parts of a fresh TikTok <c>creator_info</c>
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info) that the compose page shows
/// and the submission is checked against. <see cref="DirectPostOffered"/> is false where drafts are the posting
/// boundary: Midx holds no <c>video.publish</c> grant then, and the snapshot is built from the linked profile.
/// </summary>
public sealed record CreatorSnapshot(
    string Nickname,
    string? Username,
    string? AvatarUrl,
    IReadOnlyList<string> PrivacyLevelOptions,
    bool CommentDisabled,
    bool DuetDisabled,
    bool StitchDisabled,
    int MaxVideoPostDurationSec,
    bool DirectPostOffered = true);
