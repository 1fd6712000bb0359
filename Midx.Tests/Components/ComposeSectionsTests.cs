using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// The compose page's sections on the circuit, each rendered alone over a <see cref="ComposeDraft"/>: the caption
/// counter, privacy and interactions (ComposeDetails), the commercial content disclosure (ComposeDisclosure), the
/// button and its declaration (ComposePublish) and the schedule (ComposeWhen), as TikTok's Content Sharing Guidelines
/// ask for them.
/// </summary>
public sealed class ComposeSectionsTests : MudBlazorTestContext
{
    private const string CommentOffReason = "Comments are turned off in this account's TikTok settings.";

    private static readonly CreatorSnapshot Open = new("Avery Stone", "avery.creates", null,
        ["PUBLIC_TO_EVERYONE", "FOLLOWER_OF_CREATOR", SharingGuidelineTexts.SelfOnly], CommentDisabled: false, DuetDisabled: false, StitchDisabled: false, 600);

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private static readonly UploadEndpoints.UploadResponse Uploaded = new(
        "5f0c7d2e9b8a4c6d8e1f2a3b4c5d6e7f", "clip.mp4", 9582, "video/mp4", 12300, "/uploads/5f0c7d2e9b8a4c6d8e1f2a3b4c5d6e7f");

    private int _changes;

    // ComposeCreatorCard

    [Fact]
    public void Creator_BlankNamesEverywhere_IsCalledTikTokAccountWithItsInitial()
    {
        var account = AccountNamed("harbour") with { DisplayName = "", Username = "" };

        var cut = RenderCreator([account], account, Open with { Nickname = "", Username = "" });

        Assert.Equal("TikTok account", Text(cut.Find("[data-creator-nickname]")));
        Assert.Empty(cut.FindAll("[data-creator-username]"));
        Assert.Contains("T", Text(cut.Find(".mud-avatar")));
    }

    [Fact]
    public void Creator_ShowsWhoThePostGoesToFromCreatorInfoAndTheLongestVideo()
    {
        var account = AccountNamed("harbour");
        var cut = RenderCreator([account], account, Open with { AvatarUrl = "https://p16.tiktokcdn.test/avery.jpg" });

        Assert.Equal(Open.Nickname, Text(cut.Find("[data-creator-nickname]")));
        Assert.Equal("@" + Open.Username, Text(cut.Find("[data-creator-username]")));
        Assert.Equal("https://p16.tiktokcdn.test/avery.jpg", cut.Find("img[data-creator-avatar]").GetAttribute("src"));
        Assert.Equal("This account can post videos up to 10 minutes long.", Text(cut.Find("[data-max-duration]")));
        Assert.Empty(cut.FindAll("[data-account-switch]"));
        Assert.Empty(cut.FindAll("[data-account-problem]"));
    }

    [Fact]
    public void Creator_WithoutCreatorInfoOrAvatar_NamesTheLinkedAccountWithItsInitial()
    {
        var account = AccountNamed("harbour");
        var cut = RenderCreator([account], account, creator: null, problem: "TikTok did not answer; try again.");

        Assert.Equal(account.DisplayName, Text(cut.Find("[data-creator-nickname]")));
        Assert.Equal("@harbour", Text(cut.Find("[data-creator-username]")));
        Assert.Equal("H", Text(cut.Find(".mud-avatar")));
        Assert.Empty(cut.FindAll("[data-max-duration]"));
        Assert.Equal("TikTok did not answer; try again.", Text(cut.Find("[data-account-problem]")));
    }

    [Fact]
    public void Creator_SeveralAccounts_OffersToSwitch()
    {
        var (first, second) = (AccountNamed("harbour"), AccountNamed("dusk"));
        var cut = RenderCreator([first, second], second, Open);

        Assert.NotNull(cut.Find("[data-account-switch]"));
    }

    // ComposeDetails

    [Theory]
    [InlineData("Harbour 🌅", "10 / 2,200")]
    [InlineData("", "0 / 2,200")]
    public void Details_Caption_IsCountedInUtf16UnitsAgainstTikToksLimit(string caption, string count)
    {
        var cut = RenderDetails(new ComposeDraft { Caption = caption });

        var counter = cut.Find("[data-caption-count]");
        Assert.Equal(count, Text(counter));
        Assert.DoesNotContain("mud-error-text", counter.ClassList);
    }

    [Fact]
    public void Details_CaptionOverTheLimit_SaysHowManyTooManyInTheErrorColour()
    {
        var cut = RenderDetails(new ComposeDraft { Caption = new string('a', PublishRequestRules.MaxCaptionLength + 5) });

        var counter = cut.Find("[data-caption-count]");
        Assert.Equal("2,205 / 2,200 — 5 too many", Text(counter));
        Assert.Contains("mud-error-text", counter.ClassList);
    }

    [Fact]
    public void Details_TypeACaption_SetsTheDraftCountsItAndRaisesChanged()
    {
        var draft = new ComposeDraft();
        var cut = RenderDetails(draft);

        cut.Find("textarea#caption").Input("Harbour 🌅");

        cut.WaitForAssertion(() => Assert.Equal("10 / 2,200", Text(cut.Find("[data-caption-count]"))));
        Assert.Equal("Harbour 🌅", draft.Caption);
        Assert.True(_changes > 0);
    }

    [Fact]
    public void Details_Privacy_OffersOnlyTheCreatorsLevelsUnderADisabledPlaceholderWithNoneChosen()
    {
        var creator = Open with { PrivacyLevelOptions = ["FOLLOWER_OF_CREATOR", SharingGuidelineTexts.SelfOnly] };
        var cut = RenderDetails(new ComposeDraft(), creator);

        var select = cut.Find("select[data-privacy]");
        var options = select.QuerySelectorAll("option").ToList();
        Assert.Equal("", options[0].GetAttribute("value"));
        Assert.True(options[0].HasAttribute("disabled"));
        Assert.Equal("Choose who can see this", Text(options[0]));
        Assert.Equal(creator.PrivacyLevelOptions, options.Skip(1).Select(o => o.GetAttribute("value")));
        Assert.Equal(creator.PrivacyLevelOptions.Select(SharingGuidelineTexts.PrivacyName), options.Skip(1).Select(Text));
        Assert.All(options.Skip(1), o => Assert.False(o.HasAttribute("disabled")));
        Assert.Equal("", select.GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-self-only-note]"));
    }

    [Fact]
    public void Details_BrandedContentChosen_OnlyMeIsDisabledWithTheGuidelinesReasonAndANote()
    {
        var cut = RenderDetails(new ComposeDraft { DisclosureOn = true, BrandedContent = true });

        var onlyMe = cut.Find($"select[data-privacy] option[value={SharingGuidelineTexts.SelfOnly}]");
        Assert.True(onlyMe.HasAttribute("disabled"));
        Assert.Equal(SharingGuidelineTexts.BrandedNotPrivate, onlyMe.GetAttribute("title"));
        Assert.Equal(SharingGuidelineTexts.BrandedNotPrivate, Text(cut.Find("[data-self-only-note]")));
        Assert.All(cut.FindAll("select[data-privacy] option").Skip(1).Where(o => o.GetAttribute("value") != SharingGuidelineTexts.SelfOnly),
            o => Assert.False(o.HasAttribute("disabled") || o.HasAttribute("title")));
    }

    [Fact]
    public void Details_ChoosePrivacy_SetsTheDraftAndRaisesChanged()
    {
        var draft = new ComposeDraft();
        var cut = RenderDetails(draft);

        cut.Find("select[data-privacy]").Change("FOLLOWER_OF_CREATOR");

        Assert.Equal("FOLLOWER_OF_CREATOR", draft.PrivacyLevel);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void Details_Interactions_AreOfferedAndAllOffByDefault()
    {
        var cut = RenderDetails(new ComposeDraft());

        Assert.Equal(["Comment", "Duet", "Stitch"], cut.FindAll("[data-interaction]").Select(r => r.GetAttribute("data-interaction")));
        Assert.All(cut.FindAll("[data-interaction]"), row =>
        {
            Assert.Equal("false", row.GetAttribute("data-disabled-by-creator"));
            var box = row.QuerySelector("input")!;
            Assert.False(box.HasAttribute("checked"));
            Assert.False(box.HasAttribute("disabled"));
        });
        Assert.Empty(cut.FindAll("[data-interaction-why]"));
    }

    [Fact]
    public void Details_CommentTurnedOffByTheCreator_IsDisabledWithTheReasonAndATooltip()
    {
        var providers = RenderMudProviders();
        var cut = RenderDetails(new ComposeDraft { AllowComment = true }, Open with { CommentDisabled = true });

        var comment = cut.Find("[data-interaction=Comment]");
        Assert.Equal("true", comment.GetAttribute("data-disabled-by-creator"));
        Assert.Contains("midx-interaction-off", comment.ClassList);
        var box = comment.QuerySelector("input")!;
        Assert.True(box.HasAttribute("disabled"));
        Assert.False(box.HasAttribute("checked"));
        Assert.Equal(CommentOffReason, Text(comment.QuerySelector("[data-interaction-why]")));
        Assert.False(cut.Find("[data-interaction=Duet] input").HasAttribute("disabled"));

        HoverShowsTooltip(cut, "[data-interaction=Comment] .mud-tooltip-root", providers, CommentOffReason);
    }

    [Theory]
    [InlineData("Comment")]
    [InlineData("Duet")]
    [InlineData("Stitch")]
    public void Details_SwitchAnInteractionOn_SetsOnlyThatOneInTheDraftAndRaisesChanged(string name)
    {
        var draft = new ComposeDraft();
        var cut = RenderDetails(draft);

        cut.Find($"[data-interaction={name}] input").Change(true);

        Assert.Equal((name == "Comment", name == "Duet", name == "Stitch"), (draft.AllowComment, draft.AllowDuet, draft.AllowStitch));
        Assert.Equal(1, _changes);
        cut.WaitForAssertion(() => Assert.True(cut.Find($"[data-interaction={name}] input").HasAttribute("checked")));
    }

    [Fact]
    public void Details_InboxDraft_HidesPrivacyAndInteractionsButKeepsTheCaption()
    {
        var cut = RenderDetails(new ComposeDraft { Mode = PublishMode.Inbox, DisclosureOn = true, BrandedContent = true });

        Assert.Empty(cut.FindAll("[data-privacy]"));
        Assert.Empty(cut.FindAll("[data-interaction]"));
        Assert.Empty(cut.FindAll("[data-self-only-note]"));
        Assert.NotNull(cut.Find("[data-caption-count]"));
    }

    [Fact]
    public void Details_TickAiGenerated_SetsTheDraftAndRaisesChanged()
    {
        var draft = new ComposeDraft();
        var cut = RenderDetails(draft);
        var aigc = cut.FindAll("label").Single(l => Text(l) == "This video is AI-generated");
        Assert.False(InputOf(aigc).HasAttribute("checked"));

        InputOf(aigc).Change(true);

        Assert.True(draft.IsAigc);
        Assert.Equal(1, _changes);
    }

    // ComposeMode

    [Fact]
    public void Mode_New_IsDirectPostWithoutTheInboxNotice()
    {
        var cut = Render<ComposeMode>(p => p.Add(x => x.Draft, new ComposeDraft()));

        Assert.True(InputOf(cut.Find("[data-mode-choice=Direct]")).HasAttribute("checked"));
        Assert.False(InputOf(cut.Find("[data-mode-choice=Inbox]")).HasAttribute("checked"));
        Assert.Empty(cut.FindAll("[data-inbox-only]"));
    }

    [Fact]
    public void Mode_DirectPostNotOffered_SaysDraftsAreTheBoundaryAndOffersNoChoice()
    {
        var draft = new ComposeDraft { Mode = PublishMode.Inbox };
        var cut = Render<ComposeMode>(p => p.Add(x => x.Draft, draft).Add(x => x.DirectPostOffered, false));

        Assert.Equal(PostingBoundary.InboxDraftsOnly, Text(cut.Find("[data-inbox-drafts-only]")));
        Assert.Empty(cut.FindAll("[data-mode-choice]"));
        Assert.Equal(SharingGuidelineTexts.InboxNotice, Text(cut.Find("[data-inbox-only]")));
    }

    [Fact]
    public void Mode_ChooseInbox_SetsTheDraftRaisesChangedAndExplainsTheInbox()
    {
        var draft = new ComposeDraft();
        var cut = Render<ComposeMode>(p => p.Add(x => x.Draft, draft).Add(x => x.Changed, () => _changes++));

        InputOf(cut.Find("[data-mode-choice=Inbox]")).Click();

        Assert.Equal(PublishMode.Inbox, draft.Mode);
        Assert.Equal(1, _changes);
        cut.WaitForAssertion(() => Assert.Equal(SharingGuidelineTexts.InboxNotice, Text(cut.Find("[data-inbox-only]"))));
    }

    // ComposeDisclosure

    [Fact]
    public void Disclosure_New_IsOffWithNoOptionsAndNoLabel()
    {
        var cut = RenderDisclosure(new ComposeDraft());

        Assert.Contains(SharingGuidelineTexts.DisclosureToggle, Text(cut.Find("[data-disclosure]")));
        Assert.Contains(SharingGuidelineTexts.DisclosureHelp, Text(cut.Find("[data-disclosure]")));
        Assert.False(InputOf(cut.Find("[data-disclosure-toggle]")).HasAttribute("checked"));
        Assert.Empty(cut.FindAll("[data-disclosure-options]"));
        Assert.Empty(cut.FindAll("[data-label-prompt]"));
    }

    [Fact]
    public void Disclosure_SwitchOn_SetsTheDraftAndOffersBothKindsUnchecked()
    {
        var draft = new ComposeDraft();
        var cut = RenderDisclosure(draft);

        InputOf(cut.Find("[data-disclosure-toggle]")).Change(true);

        Assert.True(draft.DisclosureOn);
        Assert.Equal(1, _changes);
        var options = cut.WaitForElement("[data-disclosure-options]");
        Assert.Equal(SharingGuidelineTexts.YourBrand, Text(LabelOf(cut.Find("[data-your-brand]"))));
        Assert.Equal(SharingGuidelineTexts.BrandedContent, Text(LabelOf(cut.Find("[data-branded-content]"))));
        Assert.False(InputOf(cut.Find("[data-your-brand]")).HasAttribute("checked"));
        Assert.False(InputOf(cut.Find("[data-branded-content]")).HasAttribute("checked"));
        Assert.False(InputOf(cut.Find("[data-branded-content]")).HasAttribute("disabled"));
        Assert.Contains(SharingGuidelineTexts.YourBrandHelp, Text(options));
        Assert.Contains(SharingGuidelineTexts.BrandedContentHelp, Text(options));
        Assert.Empty(cut.FindAll("[data-label-prompt]"));
    }

    [Theory]
    [InlineData(true, false, SharingGuidelineTexts.PromotionalLabel)]
    [InlineData(false, true, SharingGuidelineTexts.PaidPartnershipLabel)]
    [InlineData(true, true, SharingGuidelineTexts.PaidPartnershipLabel)]
    public void Disclosure_KindsChosen_PromptTheLabelTikTokWillShow(bool yourBrand, bool branded, string label)
    {
        var cut = RenderDisclosure(new ComposeDraft { DisclosureOn = true, YourBrand = yourBrand, BrandedContent = branded });

        Assert.Equal(label, Text(cut.Find("[data-label-prompt]")));
    }

    [Fact]
    public void Disclosure_TickYourBrand_SetsTheDraftAndPromptsPromotionalContent()
    {
        var draft = new ComposeDraft { DisclosureOn = true };
        var cut = RenderDisclosure(draft);

        InputOf(cut.Find("[data-your-brand]")).Change(true);

        Assert.True(draft.YourBrand);
        Assert.Equal(1, _changes);
        cut.WaitForAssertion(() => Assert.Equal(SharingGuidelineTexts.PromotionalLabel, Text(cut.Find("[data-label-prompt]"))));
    }

    [Fact]
    public void Disclosure_OnlyMeChosen_BrandedContentIsDisabledWithTheReasonAndATooltip()
    {
        var providers = RenderMudProviders();
        var cut = RenderDisclosure(new ComposeDraft { DisclosureOn = true, PrivacyLevel = SharingGuidelineTexts.SelfOnly });

        var branded = InputOf(cut.Find("[data-branded-content]"));
        Assert.True(branded.HasAttribute("disabled"));
        Assert.False(branded.HasAttribute("checked"));
        Assert.False(InputOf(cut.Find("[data-your-brand]")).HasAttribute("disabled"));
        Assert.Equal(SharingGuidelineTexts.BrandedNotPrivate, Text(cut.Find("[data-branded-private-note]")));

        HoverShowsTooltip(cut, "[data-disclosure-options] .mud-tooltip-root", providers, SharingGuidelineTexts.BrandedNotPrivate);
    }

    [Fact]
    public void Disclosure_AnotherPrivacyChosen_BrandedContentIsOfferedWithoutTooltipOrNote()
    {
        var cut = RenderDisclosure(new ComposeDraft { DisclosureOn = true, PrivacyLevel = "PUBLIC_TO_EVERYONE" });

        Assert.False(InputOf(cut.Find("[data-branded-content]")).HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-disclosure-options] .mud-tooltip-root"));
        Assert.Empty(cut.FindAll("[data-branded-private-note]"));
    }

    // ComposePublish

    [Theory]
    [InlineData(PublishMode.Direct, "Publish to TikTok")]
    [InlineData(PublishMode.Inbox, "Send to TikTok inbox")]
    public void Publish_ButtonSaysWhatItDoesPerModeAndIsEnabled(PublishMode mode, string text)
    {
        var cut = RenderPublish(new ComposeDraft { Mode = mode });

        var button = cut.Find("button[data-publish]");
        Assert.Equal(text, Text(button));
        Assert.False(button.HasAttribute("disabled"));
        Assert.Null(cut.Find("[data-publish-wrapper]").GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-publish-blocked]"));
        Assert.Contains(SharingGuidelineTexts.ProcessingNotice, Text(cut.Find("[data-processing-notice]")));
    }

    [Fact]
    public void Publish_DisclosureOnWithoutAKind_ButtonIsDisabledWithTikToksWordsAndATooltip()
    {
        var providers = RenderMudProviders();
        var cut = RenderPublish(new ComposeDraft { DisclosureOn = true });

        Assert.True(cut.Find("button[data-publish]").HasAttribute("disabled"));
        Assert.Equal(SharingGuidelineTexts.DisclosureIncomplete, cut.Find("[data-publish-wrapper]").GetAttribute("title"));
        Assert.Equal(SharingGuidelineTexts.DisclosureIncomplete, Text(cut.Find("[data-publish-blocked]")));

        HoverShowsTooltip(cut, "[data-publish-wrapper]", providers, SharingGuidelineTexts.DisclosureIncomplete);
    }

    [Fact]
    public void Publish_DisclosureOnForAnInboxDraft_DoesNotBlockTheButton()
    {
        var cut = RenderPublish(new ComposeDraft { Mode = PublishMode.Inbox, DisclosureOn = true });

        Assert.False(cut.Find("button[data-publish]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-publish-blocked]"));
    }

    [Theory]
    [InlineData(false, false, "music", SharingGuidelineTexts.MusicUsageDeclaration)]
    [InlineData(false, true, "music", SharingGuidelineTexts.MusicUsageDeclaration)]
    [InlineData(true, false, "music", SharingGuidelineTexts.MusicUsageDeclaration)]
    [InlineData(true, true, "branded", SharingGuidelineTexts.BrandedContentDeclaration)]
    public void Publish_Declaration_FollowsTheBrandedContentChoiceWithItsPolicyLinks(bool disclosureOn, bool branded, string kind, string declaration)
    {
        // "Your brand" too, so the disclosure is never incomplete here.
        var cut = RenderPublish(new ComposeDraft { DisclosureOn = disclosureOn, YourBrand = true, BrandedContent = branded });

        var shown = cut.Find("[data-declaration]");
        Assert.Equal(kind, shown.GetAttribute("data-declaration"));
        Assert.Equal(declaration, Text(shown));
        var links = shown.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(kind == "branded" ? [SharingGuidelineTexts.BrandedContentPolicyUrl, SharingGuidelineTexts.MusicUsageUrl] : [SharingGuidelineTexts.MusicUsageUrl], links);
    }

    [Fact]
    public void Publish_Click_RaisesPublish()
    {
        var pressed = 0;
        var cut = RenderPublish(new ComposeDraft(), publish: () => pressed++);

        cut.Find("button[data-publish]").Click();

        Assert.Equal(1, pressed);
    }

    [Fact]
    public void Publish_Sending_DisablesTheButton()
    {
        var cut = RenderPublish(new ComposeDraft(), sending: true);

        Assert.True(cut.Find("button[data-publish]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-publish-blocked]"));
    }

    [Fact]
    public void Publish_Prerendered_ButtonWaitsForTheCircuit()
    {
        Interactive = false;

        var cut = RenderPublish(new ComposeDraft());

        Assert.True(cut.Find("button[data-publish]").HasAttribute("disabled"));
    }

    // ComposePreview

    [Fact]
    public void Preview_NoVideoYet_SaysWhereItWillAppearAndOffersNoSlider()
    {
        var cut = RenderPreview(new ComposeDraft());

        Assert.Equal("Your video appears here once it is uploaded.", Text(cut.Find("[data-preview-empty]")));
        Assert.Empty(cut.FindAll("video[data-preview]"));
        Assert.Empty(cut.FindAll("[data-cover-range]"));
        Assert.StartsWith("The moment of the video TikTok shows as its cover. Upload the video to choose it", Text(cut.Find("[data-cover-help]")));
    }

    [Fact]
    public void Preview_Link_HasNoPreviewAndNoCoverFrame()
    {
        var cut = RenderPreview(new ComposeDraft { Source = VideoSource.Url, SourceUrl = "https://videos.midx.test/a.mp4" });

        Assert.Contains("there is no preview here", Text(cut.Find("[data-preview-empty]")));
        Assert.Empty(cut.FindAll("[data-cover-picker]"));
    }

    [Fact]
    public void Preview_Uploaded_ShowsTheVideoAndASliderOverItsLength()
    {
        var draft = new ComposeDraft { Video = Uploaded };
        var cut = RenderPreview(draft);

        Assert.Equal(Uploaded.PreviewUrl, cut.Find("video[data-preview]").GetAttribute("src"));
        var slider = cut.Find("[data-cover-range] input[type=range]");
        Assert.Equal(("0", Uploaded.DurationMs.ToString(System.Globalization.CultureInfo.InvariantCulture)), (slider.GetAttribute("min"), slider.GetAttribute("max")));
    }

    [Fact]
    public void Preview_TypeACoverMoment_SetsTheDraftSeeksThePreviewAndRaisesChanged()
    {
        var module = Context.JSInterop.SetupModule("./js/video-upload.js");
        module.SetupVoid("seek", _ => true).SetVoidResult();
        var draft = new ComposeDraft { Video = Uploaded };
        var cut = RenderPreview(draft);

        cut.Find("[data-cover-ms] input").Change("1200");

        cut.WaitForAssertion(() => Assert.Equal(1200, draft.CoverTimestampMs));
        var seek = Assert.Single(Context.JSInterop.Invocations, i => i.Identifier == "seek");
        Assert.Equal(1200, seek.Arguments[1]);
        Assert.Equal(1, _changes);
    }

    // ComposeWhen

    [Fact]
    public void When_Now_ShowsNoDateField()
    {
        var cut = RenderWhen(new ComposeDraft { TimeZone = "Europe/Berlin" });

        Assert.Empty(cut.FindAll("[data-schedule-fields]"));
    }

    [Fact]
    public void When_Later_ShowsTheDateFieldAndNamesTheBrowsersTimeZone()
    {
        var draft = new ComposeDraft { Later = true, TimeZone = "Europe/Berlin", ScheduleLocal = new DateTime(2026, 12, 24, 18, 30, 0) };
        var cut = RenderWhen(draft);

        var input = cut.Find("input[type=datetime-local][data-schedule-local]");
        Assert.Equal("2026-12-24T18:30", input.GetAttribute("value"));
        Assert.Contains(draft.TimeZone, Text(cut.Find("[data-schedule-zone]")));
    }

    [Fact]
    public void When_ChooseATime_SetsTheDraftAndShowsTheDateField()
    {
        var draft = new ComposeDraft { TimeZone = "Europe/Berlin" };
        var cut = RenderWhen(draft);

        InputOf(cut.FindAll(".mud-radio").Single(r => Text(r) == "At a time I choose")).Click();

        Assert.True(draft.Later);
        Assert.Equal(1, _changes);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("input[data-schedule-local]")));
    }

    [Fact]
    public void When_LaterWithoutATimeZone_SaysTheTimeIsReadInUtc()
    {
        var cut = RenderWhen(new ComposeDraft { Later = true });

        Assert.Equal("In UTC.", Text(cut.Find("[data-schedule-zone]")));
    }

    [Fact]
    public void When_ChangeTheDateAndTime_SetsTheDraftsLocalTimeAndRaisesChanged()
    {
        var draft = new ComposeDraft { Later = true, TimeZone = "Europe/Berlin" };
        var cut = RenderWhen(draft);

        cut.Find("input[data-schedule-local]").Change("2026-12-24T18:30");

        Assert.Equal(new DateTime(2026, 12, 24, 18, 30, 0), draft.ScheduleLocal);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void When_ClearTheDateAndTime_ForgetsTheTime()
    {
        var draft = new ComposeDraft { Later = true, ScheduleLocal = new DateTime(2026, 12, 24, 18, 30, 0) };
        var cut = RenderWhen(draft);

        cut.Find("input[data-schedule-local]").Change("");

        Assert.Null(draft.ScheduleLocal);
    }

    private IRenderedComponent<ComposeCreatorCard> RenderCreator(IReadOnlyList<TikTokAccountSummary> accounts, TikTokAccountSummary account,
        CreatorSnapshot? creator, string? problem = null) => Render<ComposeCreatorCard>(p => p
        .Add(x => x.Accounts, accounts)
        .Add(x => x.Account, account)
        .Add(x => x.Creator, creator)
        .Add(x => x.Problem, problem));

    private static TikTokAccountSummary AccountNamed(string username) => new(Guid.NewGuid(), username.ToUpperInvariant(), username, null,
        Now.UtcDateTime, Now.UtcDateTime, TokenState.Active, null, null, null, 0, [], []);

    private IRenderedComponent<ComposeDetails> RenderDetails(ComposeDraft draft, CreatorSnapshot? creator = null) => Render<ComposeDetails>(p => p
        .Add(x => x.Draft, draft)
        .Add(x => x.Creator, creator ?? Open)
        .Add(x => x.Errors, NoErrors)
        .Add(x => x.Changed, () => _changes++));

    private IRenderedComponent<ComposeDisclosure> RenderDisclosure(ComposeDraft draft) => Render<ComposeDisclosure>(p => p
        .Add(x => x.Draft, draft)
        .Add(x => x.Errors, NoErrors)
        .Add(x => x.Changed, () => _changes++));

    private IRenderedComponent<ComposePreview> RenderPreview(ComposeDraft draft) => Render<ComposePreview>(p => p
        .Add(x => x.Draft, draft)
        .Add(x => x.Errors, NoErrors)
        .Add(x => x.Changed, () => _changes++));

    private IRenderedComponent<ComposeWhen> RenderWhen(ComposeDraft draft) => Render<ComposeWhen>(p => p
        .Add(x => x.Draft, draft)
        .Add(x => x.Errors, NoErrors)
        .Add(x => x.Changed, () => _changes++));

    private IRenderedComponent<ComposePublish> RenderPublish(ComposeDraft draft, Action? publish = null, bool sending = false) => Render<ComposePublish>(p => p
        .Add(x => x.Draft, draft)
        .Add(x => x.Sending, sending)
        .Add(x => x.Publish, publish ?? (() => { })));

    /// <summary>Hovering the tooltip's root around <paramref name="target"/> shows <paramref name="text"/>, which was not shown before.</summary>
    private static void HoverShowsTooltip<TComponent>(IRenderedComponent<TComponent> cut, string target, IRenderedComponent<ContainerFragment> providers, string text)
        where TComponent : IComponent
    {
        Assert.DoesNotContain(text, providers.Markup);
        var root = cut.Find(target);
        (root.ClassList.Contains("mud-tooltip-root") ? root : root.Closest(".mud-tooltip-root")
            ?? throw new InvalidOperationException("No tooltip around " + target)).PointerEnter();
        providers.WaitForAssertion(() => Assert.Contains(text, providers.Markup));
    }

    /// <summary>The label a person reads next to a MudBlazor check box or switch.</summary>
    private static IElement LabelOf(IElement element) =>
        InputOf(element).Closest("label") ?? throw new InvalidOperationException("No label around " + element.OuterHtml);

    /// <summary>The input of a MudBlazor check box or switch, whether its attributes landed on the input or around it.</summary>
    private static IElement InputOf(IElement element) =>
        element.LocalName == "input" ? element : element.QuerySelector("input") ?? throw new InvalidOperationException("No input in " + element.OuterHtml);
}
