namespace Midx.Core.Publishing;

/// <summary>
/// The exact sentences TikTok's Content Sharing Guidelines ask for
/// (https://developers.tiktok.com/doc/content-sharing-guidelines). The compose page shows them and the consent record
/// stores them, from this one place, so what is stored is what was shown.
/// </summary>
public static class SharingGuidelineTexts
{
    public const string MusicUsageUrl = "https://www.tiktok.com/legal/page/global/music-usage-confirmation/en";
    public const string BrandedContentPolicyUrl = "https://www.tiktok.com/legal/page/global/bc-policy/en";

    public const string MusicUsageDeclaration = "By posting, you agree to TikTok's Music Usage Confirmation.";
    public const string BrandedContentDeclaration = "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.";

    /// <summary>The same declarations above a reviewer's Approve button: approving is what sends the post.</summary>
    public const string ApprovalMusicUsageDeclaration = "By approving, you agree to TikTok's Music Usage Confirmation.";
    public const string ApprovalBrandedContentDeclaration = "By approving, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.";

    public const string DisclosureToggle = "Content Disclosure Setting";
    public const string DisclosureHelp = "Turn on to disclose that this video promotes goods or services in exchange for something of value. "
        + "Your video could promote yourself, a third party, or both.";
    public const string YourBrand = "Your brand";
    public const string YourBrandHelp = "You are promoting yourself or your own business.";
    public const string BrandedContent = "Branded content";
    public const string BrandedContentHelp = "You are promoting another brand or a third party.";
    public const string PromotionalLabel = "Your photo/video will be labeled as 'Promotional content'";
    public const string PaidPartnershipLabel = "Your photo/video will be labeled as 'Paid partnership'";
    public const string DisclosureIncomplete = "You need to indicate if your content promotes yourself, a third party, or both.";
    public const string BrandedNotPrivate = "Branded content visibility cannot be set to private.";
    public const string ProcessingNotice = "It may take a few minutes for the content to process and be visible on your profile.";
    public const string InboxNotice = "The video goes to your TikTok inbox as a draft: open the notification in the TikTok app to edit and post it.";

    /// <summary>What the API answers a post sent without the words its caller's user agreed to.</summary>
    public const string CallerConsentMissing = "Nothing was sent: show your user the declaration (the API reference gives it for the post's choices), "
        + "and send the words they agreed to as consent_text.";

    public const string SelfOnly = "SELF_ONLY";

    /// <summary>The declaration above the Publish button for these disclosure choices.</summary>
    public static string Declaration(bool brandedContent) => brandedContent ? BrandedContentDeclaration : MusicUsageDeclaration;

    /// <summary>The declaration above a reviewer's Approve button for a post with these disclosure choices.</summary>
    public static string ApprovalDeclaration(bool brandedContent) => brandedContent ? ApprovalBrandedContentDeclaration : ApprovalMusicUsageDeclaration;

    /// <summary>The label prompt shown for these choices, or null when none is shown (never by default).</summary>
    public static string? Label(bool disclosureOn, bool yourBrand, bool brandedContent) => (disclosureOn, yourBrand, brandedContent) switch
    {
        (true, _, true) => PaidPartnershipLabel,
        (true, true, false) => PromotionalLabel,
        _ => null,
    };

    /// <summary>The words for a TikTok privacy level in the dropdown.</summary>
    public static string PrivacyName(string level) => level switch
    {
        "PUBLIC_TO_EVERYONE" => "Everyone",
        "MUTUAL_FOLLOW_FRIENDS" => "Friends (followers you follow back)",
        "FOLLOWER_OF_CREATOR" => "Followers",
        SelfOnly => "Only me",
        _ => level,
    };
}
