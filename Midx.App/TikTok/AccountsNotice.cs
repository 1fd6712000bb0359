using Midx.App.Components.Shared;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.App.TikTok;

/// <summary>
/// What the accounts page says after a link, reconnect or disconnect: fixed text from here, carried across the redirect
/// as a <see cref="FlashNotice"/>, so nothing from a URL is ever shown as a message.
/// </summary>
public enum AccountsNotice
{
    Linked,
    Updated,
    InvalidState,
    LinkExpired,
    Declined,
    TikTokRefused,
    TikTokUnreachable,
    LinkedElsewhere,
    CannotLink,
    Disconnected,
    DisconnectedNotRevoked,
    PostsBeingSent,
    NotFound,
    NotConfigured,
}

public static class AccountsNoticeText
{
    public const string ManageAppPermissions = "In the TikTok app: Profile › Menu › Settings and privacy › Security › Manage app permissions.";

    public static bool IsGood(AccountsNotice notice) => notice is AccountsNotice.Linked or AccountsNotice.Updated or AccountsNotice.Disconnected;

    /// <summary>
    /// The notice for the accounts page: after a disconnect with what happened to the account's posts, after a link with
    /// a word about permissions that were not granted.
    /// </summary>
    public static FlashNotice Flash(AccountsNotice notice, string? tikTokCode = null, DisconnectedPosts? posts = null, bool missingScopes = false)
    {
        var text = For(notice, tikTokCode);
        if (notice is AccountsNotice.Disconnected or AccountsNotice.DisconnectedNotRevoked)
        {
            text += " " + AfterDisconnect(posts?.Cancelled ?? 0, posts?.Unfollowed ?? 0);
        }
        else if (missingScopes && notice is AccountsNotice.Linked or AccountsNotice.Updated)
        {
            text += " Some permissions were not granted; see below.";
        }

        return new FlashNotice(notice.ToString(), text, IsGood(notice));
    }

    /// <summary>The message; <paramref name="tikTokCode"/> is used only when it is a code Midx documents.</summary>
    public static string For(AccountsNotice notice, string? tikTokCode) => notice switch
    {
        AccountsNotice.Linked => "TikTok account linked.",
        AccountsNotice.Updated => "TikTok account reconnected; its sign-in and permissions are up to date.",
        AccountsNotice.InvalidState =>
            "That TikTok link could not be verified: it was not started from this Midx session, or it was already used. Start again with \"Link a TikTok account\".",
        AccountsNotice.LinkExpired => "That link attempt took too long and expired. Start again with \"Link a TikTok account\".",
        AccountsNotice.Declined => ErrorCatalog.AccessDenied.Message,
        AccountsNotice.TikTokRefused => tikTokCode is not null && ErrorCatalog.IsKnown(tikTokCode)
            ? $"TikTok did not link the account. {ErrorCatalog.Find(tikTokCode).Message}"
            : "TikTok did not link the account. Please try again.",
        AccountsNotice.TikTokUnreachable => "TikTok could not be reached, so no account was linked. Please try again in a moment.",
        AccountsNotice.CannotLink => "Your role in this workspace does not link TikTok accounts. An Owner or a Publisher of the workspace can link one.",
        AccountsNotice.LinkedElsewhere =>
            "This TikTok account is already linked in another Midx workspace. It can be linked here only after it is disconnected there.",
        AccountsNotice.Disconnected => "TikTok account disconnected. Midx revoked its access at TikTok and deleted its tokens.",
        AccountsNotice.DisconnectedNotRevoked =>
            "TikTok account disconnected and its tokens deleted from Midx, but TikTok could not be reached to revoke Midx's access. "
            + "To remove it on TikTok's side too: " + ManageAppPermissions,
        AccountsNotice.PostsBeingSent =>
            "Not disconnected yet: a post is being sent to this TikTok account right now, and Midx needs the account to finish it. "
            + "Wait until TikTok has it (usually a minute or two) or cancel the upload from your history, then disconnect.",
        AccountsNotice.NotFound => "That TikTok account is not linked to your Midx account.",
        AccountsNotice.NotConfigured => "Linking TikTok accounts isn't set up on this Midx server yet.",
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, null),
    };

    /// <summary>Next to an account's Disconnect button: what disconnecting it would do to its unfinished posts, if anything.</summary>
    public static string? BeforeDisconnect(DisconnectedPosts? posts)
    {
        if (posts is null || posts == DisconnectedPosts.None)
        {
            return null;
        }

        if (posts.Sending > 0)
        {
            return $"{Posts(posts.Sending)} {(posts.Sending == 1 ? "is" : "are")} being sent to TikTok right now: wait until TikTok has "
                + $"{(posts.Sending == 1 ? "it" : "them")}, or cancel the upload, before disconnecting.";
        }

        var effects = new List<string>();
        if (posts.Cancelled > 0)
        {
            effects.Add($"cancels {Posts(posts.Cancelled)} not yet sent to TikTok");
        }

        if (posts.Unfollowed > 0)
        {
            effects.Add($"stops Midx following {Posts(posts.Unfollowed)} TikTok already has");
        }

        return $"Disconnecting {string.Join(" and ", effects)}. Your post history is kept.";
    }

    /// <summary>After a disconnect: the history is kept, and what happened to the unfinished posts.</summary>
    public static string AfterDisconnect(int cancelled, int unfollowed)
    {
        var effects = new List<string>();
        if (cancelled > 0)
        {
            effects.Add($"{Posts(cancelled)} not yet sent to TikTok {(cancelled == 1 ? "was" : "were")} cancelled");
        }

        if (unfollowed > 0)
        {
            effects.Add($"Midx stopped following {Posts(unfollowed)} TikTok already had");
        }

        return effects.Count == 0 ? "Your post history is kept." : $"Your post history is kept; {string.Join(", and ", effects)}.";
    }

    private static string Posts(int count) => count == 1 ? "1 post" : $"{count} posts";
}
