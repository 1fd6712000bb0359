namespace Midx.Core.Publishing;

/// <summary>
/// How pages and messages name the TikTok account a post went to: its @username, else its display name. After the
/// account was disconnected the names come from the post's consent record (what creator_info said when the user posted).
/// </summary>
public static class PostAccountName
{
    /// <summary>"@username", else the display name, else null.</summary>
    public static string? Of(string? username, string? displayName) =>
        !string.IsNullOrWhiteSpace(username) ? "@" + username : !string.IsNullOrWhiteSpace(displayName) ? displayName : null;

    /// <summary>The name for a list or a page, marked when the account is no longer linked.</summary>
    public static string Describe(string? username, string? displayName, bool disconnected)
    {
        var name = Of(username, displayName);
        return disconnected ? (name ?? "TikTok account") + " (disconnected)" : name ?? "TikTok account";
    }
}
