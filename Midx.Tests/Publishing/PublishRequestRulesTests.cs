using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing;

public sealed class PublishRequestRulesTests
{
    internal static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    internal static readonly string[] Prefixes = ["https://media.midx.test/videos/"];

    internal static readonly CreatorSnapshot Creator = new("Creator", "creator", null,
        ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], CommentDisabled: false, DuetDisabled: false, StitchDisabled: true, 300);

    internal static PublishRequest Valid() => new()
    {
        Composer = PostActor.Member(Guid.NewGuid()),
        WorkspaceId = Guid.NewGuid(),
        TikTokAccountId = Guid.NewGuid(),
        SubmissionKey = "k1",
        Mode = PublishMode.Direct,
        Source = VideoSource.File,
        UploadId = Guid.NewGuid(),
        PrivacyLevel = "PUBLIC_TO_EVERYONE",
        ConsentGiven = true,
    };

    [Fact]
    public void Check_CompleteDirectPost_Passes()
    {
        Assert.Null(PublishRequestRules.Check(Valid(), Creator, Prefixes, Now));
    }

    [Fact]
    public void Check_WithoutConsent_IsRefused()
    {
        Assert.Equal("consent_missing", PublishRequestRules.Check(Valid() with { ConsentGiven = false }, Creator, Prefixes, Now)?.Code.Value);
    }

    [Fact]
    public void Check_Caption2200Utf16Units_PassesAnd2201IsRefused()
    {
        // An emoji outside the BMP is two UTF-16 units, as TikTok counts it.
        var at = new string('a', 2198) + "😀";
        var over = at + "a";

        Assert.Null(PublishRequestRules.Check(Valid() with { Caption = at }, Creator, Prefixes, Now));
        var error = PublishRequestRules.Check(Valid() with { Caption = over }, Creator, Prefixes, Now);
        Assert.Equal("caption_too_long", error?.Code.Value);
        Assert.Contains("2,201", error?.Message);
    }

    [Fact]
    public void Check_DirectPostWithoutPrivacy_IsRefused()
    {
        Assert.Equal("privacy_missing", PublishRequestRules.Check(Valid() with { PrivacyLevel = null }, Creator, Prefixes, Now)?.Code.Value);
    }

    [Fact]
    public void Check_PrivacyNotInCreatorOptions_IsRefused()
    {
        var error = PublishRequestRules.Check(Valid() with { PrivacyLevel = "FOLLOWER_OF_CREATOR" }, Creator, Prefixes, Now);

        Assert.Equal("privacy_not_offered", error?.Code.Value);
        Assert.Contains("Followers", error?.Message);
    }

    [Fact]
    public void Check_DirectPostWhereDraftsAreTheBoundary_IsRefusedAndTheSameDraftPasses()
    {
        var draftsOnly = Creator with { PrivacyLevelOptions = [], DirectPostOffered = false };

        var error = PublishRequestRules.Check(Valid(), draftsOnly, Prefixes, Now);

        Assert.Equal(ErrorCatalog.DirectPostOff, error?.Code);
        Assert.Equal($"{ErrorCatalog.DirectPostOff.Told} {ErrorCatalog.DirectPostOff.ToDo}", error?.Message);
        Assert.Null(PublishRequestRules.Check(Valid() with { Mode = PublishMode.Inbox, PrivacyLevel = null }, draftsOnly, Prefixes, Now));
    }

    [Fact]
    public void Check_DisclosureOnWithNeitherChoice_IsRefusedWithTikTokWording()
    {
        var error = PublishRequestRules.Check(Valid() with { DisclosureOn = true }, Creator, Prefixes, Now);

        Assert.Equal("You need to indicate if your content promotes yourself, a third party, or both.", error?.Message);
    }

    [Fact]
    public void Check_BrandedContentOnlyMe_IsRefusedWithTikTokWording()
    {
        var error = PublishRequestRules.Check(Valid() with { DisclosureOn = true, BrandedContent = true, PrivacyLevel = "SELF_ONLY" }, Creator, Prefixes, Now);

        Assert.Equal("Branded content visibility cannot be set to private.", error?.Message);
    }

    [Fact]
    public void Check_YourBrandOnlyMe_IsAllowed()
    {
        Assert.Null(PublishRequestRules.Check(Valid() with { DisclosureOn = true, YourBrand = true, PrivacyLevel = "SELF_ONLY" }, Creator, Prefixes, Now));
    }

    [Fact]
    public void Check_InboxDraftWithoutPrivacy_PassesBecauseTikTokAsksInTheApp()
    {
        Assert.Null(PublishRequestRules.Check(Valid() with { Mode = PublishMode.Inbox, PrivacyLevel = null }, Creator, Prefixes, Now));
    }

    [Theory]
    [InlineData("https://media.midx.test/videos/clip.mp4", null)]
    [InlineData("http://media.midx.test/videos/clip.mp4", "url_not_https")]
    [InlineData("https://cdn.example.com/clip.mp4", "url_not_verified")]
    [InlineData("https://media.midx.test/other/clip.mp4", "url_not_verified")]
    [InlineData("not a url", "url_not_https")]
    public void Check_PullFromUrl_OnlyHttpsUnderVerifiedPrefix(string url, string? expected)
    {
        var request = Valid() with { Source = VideoSource.Url, UploadId = null, SourceUrl = url };

        Assert.Equal(expected, PublishRequestRules.Check(request, Creator, Prefixes, Now)?.Code.Value);
    }

    [Fact]
    public void Check_PullFromUrlWithNoVerifiedPrefixes_SaysToUploadInstead()
    {
        var request = Valid() with { Source = VideoSource.Url, UploadId = null, SourceUrl = "https://media.midx.test/videos/clip.mp4" };

        var error = PublishRequestRules.Check(request, Creator, [], Now);

        Assert.Equal("url_not_available", error?.Code.Value);
        Assert.Contains("Upload the video file", error?.Message);
    }

    [Fact]
    public void Check_ScheduledInThePast_IsRefused()
    {
        Assert.Equal("schedule_in_past", PublishRequestRules.Check(Valid() with { ScheduledAtUtc = Now.AddMinutes(-5) }, Creator, Prefixes, Now)?.Code.Value);
    }

    [Theory]
    [InlineData(0, 2000, null)]
    [InlineData(2000, 2000, null)]
    [InlineData(2001, 2000, "cover_out_of_range")]
    [InlineData(-1, 2000, "cover_out_of_range")]
    public void CheckCover_MomentAgainstDuration_MustLieInsideTheVideo(int cover, int duration, string? expected)
    {
        Assert.Equal(expected, PublishRequestRules.CheckCover(cover, duration)?.Code.Value);
    }

    [Theory]
    [InlineData(false, false, false, null)]
    [InlineData(true, false, false, null)]
    [InlineData(true, true, false, "Your photo/video will be labeled as 'Promotional content'")]
    [InlineData(true, false, true, "Your photo/video will be labeled as 'Paid partnership'")]
    [InlineData(true, true, true, "Your photo/video will be labeled as 'Paid partnership'")]
    [InlineData(false, true, true, null)]
    public void Label_DisclosureChoices_GiveTikTokLabelOrNone(bool on, bool yourBrand, bool branded, string? expected)
    {
        Assert.Equal(expected, SharingGuidelineTexts.Label(on, yourBrand, branded));
    }

    [Fact]
    public void ToSnapshot_CreatorInfoAboveApiMaximum_IsCappedAtTenMinutes()
    {
        var info = new Midx.Core.TikTok.TikTokCreatorInfo { CreatorNickname = "Nick", CreatorUsername = "nick", MaxVideoPostDurationSec = 3600, PrivacyLevelOptions = ["SELF_ONLY"], CommentDisabled = true };

        var snapshot = info.ToSnapshot();

        Assert.Equal(600, snapshot.MaxVideoPostDurationSec);
        Assert.Equal("Nick", snapshot.Nickname);
        Assert.True(snapshot.CommentDisabled);
        Assert.Equal(["SELF_ONLY"], snapshot.PrivacyLevelOptions);
    }
}
