namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// A fixture TikTok account a person can pick on the sandbox authorize page, with the settings and account state
/// (private, interactions off, banned, at the daily cap) that decide what creator_info and init answer for it.
/// </summary>
public sealed record SandboxCreator(
    string Key,
    string OpenId,
    string UnionId,
    string DisplayName,
    string Username,
    string Description,
    string AvatarColor,
    bool IsPrivate = false,
    bool CommentDisabled = false,
    bool DuetNoOne = false,
    bool StitchNoOne = false,
    int MaxVideoPostDurationSec = 300,
    bool Banned = false,
    bool AtDailyPostCap = false,
    bool IsVerified = false,
    int SeededVideoCount = 0)
{
    public IReadOnlyList<string> PrivacyLevelOptions => PrivacyLevels.OptionsFor(IsPrivate);

    // Private accounts cannot be duetted or stitched whatever their settings
    // (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).
    public bool DuetDisabled => IsPrivate || DuetNoOne;

    public bool StitchDisabled => IsPrivate || StitchNoOne;

    public string AvatarPath => $"{SandboxRegistration.TikTokPath}/avatars/{Key}.svg";

    public string Initials => string.Concat(DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => w[0]));
}
