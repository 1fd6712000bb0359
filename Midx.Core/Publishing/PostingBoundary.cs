namespace Midx.Core.Publishing;

/// <summary>
/// The words for an installation whose posting boundary is inbox drafts (<c>TikTok:InboxDraftsOnly</c>), said the same
/// way by the compose page, the refusal of a Direct Post and the policy pages.
/// </summary>
public static class PostingBoundary
{
    public const string InboxDraftsOnly =
        "Midx sends videos to TikTok only as drafts to your TikTok inbox. Direct Post is switched off here, so Midx never "
        + "asks TikTok for permission to post on your profile.";

    /// <summary>How Midx sends a video, for sentences such as "Midx sends your videos to TikTok …".</summary>
    public static string HowSent(bool inboxDraftsOnly) =>
        inboxDraftsOnly ? "as drafts to your TikTok inbox" : "as a Direct Post or as a draft to your TikTok inbox";
}
