using Midx.Core.Publishing;

namespace Midx.Core.Privacy;

/// <summary>
/// The promises Midx makes about data (as /privacy lists them), worded once and filled from the same settings the code
/// enforces, so the policy pages can never drift from what the retention sweeper and the token vault actually do.
/// </summary>
public static class PrivacyPromises
{
    public sealed record Promise(int Number, string Title, string Text);

    public static IReadOnlyList<Promise> DataHeld(RetentionOptions retention) =>
    [
        new(1, "Your Google profile", "Your Google subject id, email address, name and avatar URL. Midx never has a password."),
        new(2, "Each TikTok account you link",
            "Its open_id, union_id, username, display name and avatar URL, the permissions (scopes) you granted, when you "
            + "connected it and when we last saw it; the access and refresh tokens, encrypted at rest. An account linked through "
            + "an app's connect link, without a Midx account, is held the same way, with the name of that app."),
        new(3, "Each video you send",
            "Whether it went as a Direct Post or to your inbox, whether it came from a file or a URL, the file name, size and "
            + "type, your caption, privacy level, interaction settings, cover frame and disclosure choices, TikTok's "
            + "publish_id, its status history with times, TikTok's error codes, messages and log ids, and the consent you gave. "
            + "Where a workspace's posts need approval, also who approved it or sent it back, when, with what comment, and the "
            + "TikTok declaration and creator settings the approver saw."),
        new(4, "Logs and audit events",
            $"Technical logs and audit events are kept at most {retention.AuditDays} days, then deleted automatically; so are "
            + "a workspace's finished webhook deliveries and its used or expired connect links."),
    ];

    /// <param name="inboxDraftsOnly">The installation's posting boundary (<c>TikTok:InboxDraftsOnly</c>).</param>
    public static IReadOnlyList<Promise> HowUsed(RetentionOptions retention, bool inboxDraftsOnly) =>
    [
        new(5, "Nothing is posted without you",
            "A video is sent to TikTok only after you press the button on the compose page, or at the time you scheduled there; "
            + "or, through Midx's API, after you agreed to it in an app of your workspace, whose words Midx keeps with the post."
            + (inboxDraftsOnly ? " " + PostingBoundary.InboxDraftsOnly : "")),
        new(6, "Staying connected",
            "We refresh your TikTok access in the background so you are not asked to reconnect every day. If TikTok no longer "
            + "accepts it, the account shows \"Reconnect\" and its scheduled posts are held, with a warning before their time."),
        new(7, "Video files are temporary",
            $"A video file is kept only until TikTok has received it (or the job ends), then deleted; anything left after "
            + $"{retention.MediaHours} hours is removed by a sweeper."),
        new(8, "Secrets stay secret",
            "Tokens, client secrets and authorization codes never appear in pages, the admin console, exports, logs or error messages."),
        new(9, "Only you, and the people you share a workspace with, see your things",
            "You see the accounts, posts and events of your personal workspace and of the shared workspaces you were invited "
            + "to, each as your role there allows; nobody outside a workspace sees anything of it. Administrators can see them "
            + "to run the service; nobody else can."),
        new(10, "Signing out and disconnecting",
            "Signing out clears your session cookie. Disconnecting a TikTok account revokes its token at TikTok and deletes it here."),
        new(11, "Download your data",
            "Settings gives you every stored field about you as a JSON file (tokens excluded): your profile, your workspaces "
            + "and roles, the invitations you sent or accepted, and what you composed, approved and consented to."),
        new(12, "Delete your account",
            "Deleting your account revokes the TikTok tokens of your personal workspace (and of any shared workspace nobody "
            + "else is in), deletes those workspaces with their posts and files, deletes every row about you, and signs you "
            + "out. In a workspace you share, the posts and accounts stay with the others and no longer name you; if you are "
            + "its only Owner, you first make someone else an Owner. All we keep is an anonymous line saying that an account "
            + "was deleted, with no personal data."),
        new(13, "If a key ever leaks",
            "If our encryption key is rotated after a leak, old tokens become unreadable and the affected accounts are asked to "
            + "reconnect. Nothing is decrypted with a revoked key."),
    ];
}
