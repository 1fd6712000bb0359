namespace Midx.Core.TikTok;

/// <summary>
/// The scopes Midx asks for and what each one switches on (https://developers.tiktok.com/doc/scopes-overview). A
/// creator may untick any of them on TikTok's consent page; the accounts page then says which feature is off and
/// offers to reconnect.
/// </summary>
public static class TikTokScopes
{
    public const string UserInfoBasic = "user.info.basic";
    public const string UserInfoProfile = "user.info.profile";
    public const string VideoUpload = "video.upload";
    public const string VideoPublish = "video.publish";
    public const string VideoList = "video.list";

    /// <summary>Every scope Midx can use, with the feature it switches on.</summary>
    public static IReadOnlyList<TikTokScopeUse> All { get; } =
    [
        new(UserInfoBasic, "Profile", "showing which TikTok account this is (name and avatar)"),
        new(UserInfoProfile, "Username", "showing the account's @username and linking to its posts"),
        new(VideoPublish, "Direct Post", "posting straight to the TikTok profile and reading the account's posting options"),
        new(VideoUpload, "Drafts", "sending videos as drafts to the TikTok inbox"),
        new(VideoList, "Published videos", "showing the account's published videos"),
    ];

    /// <summary>What the scopes Midx asks for (<see cref="TikTokOptions.ScopeList"/>) switch on, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<TikTokScopeUse> Uses(IEnumerable<string> requested)
    {
        var asked = requested.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return All.Where(s => asked.Contains(s.Scope)).ToList();
    }

    /// <summary>The scopes Midx asks for that the account did not grant.</summary>
    public static IReadOnlyList<TikTokScopeUse> Missing(IEnumerable<string> requested, IEnumerable<string> granted)
    {
        var have = granted.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Uses(requested).Where(s => !have.Contains(s.Scope)).ToList();
    }

    /// <summary>
    /// User-info fields that the granted scopes allow (asking for more fails with scope_permission_missed).
    /// </summary>
    public static IReadOnlyList<string> UserInfoFields(IEnumerable<string> granted)
    {
        var have = granted.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fields = new List<string>();
        if (have.Contains(UserInfoBasic))
        {
            fields.AddRange(TikTokUserInfo.BasicFields.Split(','));
        }

        if (have.Contains(UserInfoProfile))
        {
            fields.Add("username");
        }

        return fields;
    }
}

/// <summary>A scope Midx needs, the feature it enables, and what that feature does.</summary>
public sealed record TikTokScopeUse(string Scope, string Feature, string Enables);
