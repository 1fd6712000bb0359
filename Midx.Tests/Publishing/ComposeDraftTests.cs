using Midx.App.Publishing;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

/// <summary>
/// The compose page's choices and the rules of TikTok's Content Sharing Guidelines that follow from them
/// (https://developers.tiktok.com/doc/content-sharing-guidelines), and the request the page sends.
/// </summary>
public sealed class ComposeDraftTests
{
    private static readonly CreatorSnapshot Open = new("Avery Stone", "avery.creates", null,
        ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], CommentDisabled: false, DuetDisabled: false, StitchDisabled: false, 600);

    private static readonly CreatorSnapshot Quiet = Open with { PrivacyLevelOptions = ["PUBLIC_TO_EVERYONE"], CommentDisabled = true, DuetDisabled = true };

    [Fact]
    public void New_HasNoDefaultTheGuidelinesForbid()
    {
        var draft = new ComposeDraft();

        Assert.Null(draft.PrivacyLevel);
        Assert.False(draft.AllowComment || draft.AllowDuet || draft.AllowStitch);
        Assert.False(draft.DisclosureOn || draft.YourBrand || draft.BrandedContent);
        Assert.False(draft.DisclosureIncomplete);
        Assert.Null(draft.DisclosureLabel);
        Assert.Equal(SharingGuidelineTexts.MusicUsageDeclaration, draft.Declaration);
    }

    [Theory]
    [InlineData(false, false, false, false, null)]
    [InlineData(true, false, false, true, null)]
    [InlineData(true, true, false, false, SharingGuidelineTexts.PromotionalLabel)]
    [InlineData(true, false, true, false, SharingGuidelineTexts.PaidPartnershipLabel)]
    [InlineData(true, true, true, false, SharingGuidelineTexts.PaidPartnershipLabel)]
    public void Disclosure_Choices_DecideWhetherTheButtonWaitsAndWhichLabelTikTokShows(
        bool on, bool yourBrand, bool branded, bool incomplete, string? label)
    {
        var draft = new ComposeDraft { DisclosureOn = on, YourBrand = yourBrand, BrandedContent = branded };

        Assert.Equal(incomplete, draft.DisclosureIncomplete);
        Assert.Equal(label, draft.DisclosureLabel);
        Assert.Equal(on && branded ? SharingGuidelineTexts.BrandedContentDeclaration : SharingGuidelineTexts.MusicUsageDeclaration, draft.Declaration);
    }

    [Fact]
    public void Disclosure_InboxDraft_PlaysNoPart()
    {
        var draft = new ComposeDraft { Mode = PublishMode.Inbox, DisclosureOn = true, PrivacyLevel = SharingGuidelineTexts.SelfOnly };

        Assert.False(draft.DisclosureIncomplete);
        Assert.False(draft.SelfOnlyChosen);
        Assert.Null(draft.DisclosureLabel);
    }

    [Fact]
    public void BrandedContentAndOnlyMe_ExcludeEachOther()
    {
        var branded = new ComposeDraft { DisclosureOn = true, BrandedContent = true };
        var onlyMe = new ComposeDraft { PrivacyLevel = SharingGuidelineTexts.SelfOnly };

        Assert.True(branded.BrandedContentChosen);
        Assert.False(branded.SelfOnlyChosen);
        Assert.True(onlyMe.SelfOnlyChosen);
        Assert.False(onlyMe.BrandedContentChosen);
    }

    [Fact]
    public void Caption_IsCountedInUtf16UnitsAsTikTokCountsIt()
    {
        var draft = new ComposeDraft { Caption = "Harbour 🌅" + new string('x', PublishRequestRules.MaxCaptionLength) };

        Assert.Equal(PublishRequestRules.MaxCaptionLength + 10, draft.CaptionLength);
        Assert.Equal(10, draft.CaptionOverBy);
    }

    [Fact]
    public void FitTo_AnotherCreator_DropsWhatThatCreatorDoesNotOffer()
    {
        var draft = new ComposeDraft { PrivacyLevel = "SELF_ONLY", AllowComment = true, AllowDuet = true, AllowStitch = true };

        draft.FitTo(Quiet);

        Assert.Null(draft.PrivacyLevel);
        Assert.Equal((false, false, true), (draft.AllowComment, draft.AllowDuet, draft.AllowStitch));
    }

    [Fact]
    public void ToRequest_Scheduled_StoresTheMomentTheReaderMeantInUtc()
    {
        var draft = new ComposeDraft { Later = true, ScheduleLocal = new DateTime(2026, 12, 24, 18, 30, 0), TimeZone = "Europe/Berlin" };

        var request = draft.ToRequest(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Open, consentGiven: true);

        Assert.Equal(new DateTime(2026, 12, 24, 17, 30, 0, DateTimeKind.Utc), request.ScheduledAtUtc);
    }

    [Fact]
    public void ToRequest_Now_HasNoTimeAndCarriesEveryChoiceAndTheConsent()
    {
        var video = new UploadEndpoints.UploadResponse(Guid.NewGuid().ToString("N"), "harbour.mp4", 9582, "video/mp4", 2000, "/preview");
        var draft = new ComposeDraft
        {
            Video = video, Caption = "Harbour", PrivacyLevel = "PUBLIC_TO_EVERYONE", AllowComment = true, AllowDuet = true,
            CoverTimestampMs = 1200, DisclosureOn = true, YourBrand = true, IsAigc = true,
            ScheduleLocal = new DateTime(2026, 12, 24, 18, 30, 0),
        };

        var request = draft.ToRequest(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Quiet, consentGiven: true);

        Assert.Null(request.ScheduledAtUtc);
        Assert.Equal(Guid.ParseExact(video.Id, "N"), request.UploadId);
        Assert.Equal(draft.SubmissionKey, request.SubmissionKey);
        Assert.Equal(("Harbour", "PUBLIC_TO_EVERYONE", 1200), (request.Caption, request.PrivacyLevel, request.CoverTimestampMs));
        // The creator switched Comment and Duet off: never sent as allowed, whatever the page held.
        Assert.Equal((false, false, false), (request.AllowComment, request.AllowDuet, request.AllowStitch));
        Assert.True(request.DisclosureOn && request.YourBrand && !request.BrandedContent && request.IsAigc && request.ConsentGiven);
    }

    [Fact]
    public void ToRequest_FromALink_SendsTheTrimmedLinkAndNoUpload()
    {
        var draft = new ComposeDraft
        {
            Source = VideoSource.Url, SourceUrl = "  https://media.midx.test/v/1.mp4 ",
            Video = new UploadEndpoints.UploadResponse(Guid.NewGuid().ToString("N"), "old.mp4", 1, "video/mp4", 1000, "/preview"),
        };

        var request = draft.ToRequest(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Open, consentGiven: true);

        Assert.Equal("https://media.midx.test/v/1.mp4", request.SourceUrl);
        Assert.Null(request.UploadId);
    }

    [Fact]
    public void Disclosure_TurnedOffAfterBrandedContent_ClearsItSoOnlyMeCannotMeetIt()
    {
        var draft = new ComposeDraft { DisclosureOn = true, BrandedContent = true, YourBrand = true };

        draft.DisclosureOn = false;
        draft.PrivacyLevel = SharingGuidelineTexts.SelfOnly;
        draft.DisclosureOn = true;

        Assert.False(draft.BrandedContent || draft.YourBrand);
        Assert.False(draft.BrandedContentChosen);
        Assert.True(draft.DisclosureIncomplete);
    }
}
