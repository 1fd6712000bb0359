namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Scopes the sandbox app has enabled, with the words the consent page shows
/// (https://developers.tiktok.com/doc/scopes-overview).
/// </summary>
public static class TikTokScopes
{
    public const string UserInfoBasic = "user.info.basic";
    public const string UserInfoProfile = "user.info.profile";
    public const string UserInfoStats = "user.info.stats";
    public const string VideoList = "video.list";
    public const string VideoPublish = "video.publish";
    public const string VideoUpload = "video.upload";

    public static readonly IReadOnlyList<ScopeDescription> All =
    [
        new(UserInfoBasic, "Read your profile info (avatar, display name)", Toggleable: false),
        new(UserInfoProfile, "Read your profile details (username, bio, verified badge)", Toggleable: true),
        new(UserInfoStats, "Read your follower, following, like and video counts", Toggleable: true),
        new(VideoList, "Read your public videos", Toggleable: true),
        new(VideoPublish, "Post content to TikTok directly", Toggleable: true),
        new(VideoUpload, "Upload content to your TikTok inbox as drafts", Toggleable: true),
    ];

    public static bool IsKnown(string scope) => All.Any(s => s.Name == scope);

    /// <summary>TikTok's scope parameter is comma-separated (not space-separated like most OAuth servers).</summary>
    public static IReadOnlyList<string> Parse(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One scope on the consent page; <see cref="Toggleable"/> false means the person cannot untick it.</summary>
public sealed record ScopeDescription(string Name, string Text, bool Toggleable);
