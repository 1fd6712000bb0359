using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The compose page as TikTok's Content Sharing Guidelines require it
/// (https://developers.tiktok.com/doc/content-sharing-guidelines), read from the HTML the real app renders for sandbox
/// creators, and its submission over HTTP without JavaScript.
/// </summary>
public sealed class ComposePageTests : IDisposable
{
    // No worker: these tests move jobs between states themselves, and a scheduled job must stay put.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task Compose_NoLinkedAccount_ShowsEmptyStateLinkingToAccounts()
    {
        using var client = await _app.SignInAsync("new@sandbox.midx.test");

        var page = await client.GetHtmlAsync("/compose");

        var empty = page.QuerySelector("[data-compose-empty]");
        Assert.NotNull(empty);
        Assert.Equal("/accounts", empty.QuerySelector("a")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form#compose-form"));
    }

    [Fact]
    public async Task Compose_PublicCreator_ShowsFreshIdentityAndEveryGuidelineDefault()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");

        var page = await client.GetHtmlAsync("/compose");

        Assert.Equal("Avery Stone", page.QuerySelector("[data-creator-nickname]")?.TextContent.Trim());
        Assert.Equal("@avery.creates", page.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("img[data-creator-avatar]")?.GetAttribute("src")));

        // Privacy: only the creator's options, from a dropdown whose placeholder is selected and cannot be chosen.
        var options = page.QuerySelectorAll("select[data-privacy] option").ToList();
        var placeholder = options[0];
        Assert.Equal("Choose who can see this", placeholder.TextContent.Trim());
        Assert.Equal("", placeholder.GetAttribute("value"));
        Assert.True(placeholder.HasAttribute("disabled"));
        Assert.True(placeholder.HasAttribute("selected"));
        Assert.Equal(["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], options.Skip(1).Select(o => o.GetAttribute("value")));
        Assert.All(options.Skip(1), o => Assert.False(o.HasAttribute("selected")));

        // Interactions: offered, none checked.
        foreach (var id in new[] { "allow-comment", "allow-duet", "allow-stitch" })
        {
            var box = page.QuerySelector($"input#{id}")!;
            Assert.False(box.HasAttribute("checked"), id);
            Assert.False(box.HasAttribute("disabled"), id);
        }

        // Commercial content disclosure: off, nothing pre-chosen, TikTok's texts present for the script and CSS.
        Assert.False(page.QuerySelector("input[data-disclosure-toggle]")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("input[data-your-brand]")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("input[data-branded-content]")!.HasAttribute("checked"));
        Assert.Equal(SharingGuidelineTexts.DisclosureToggle, page.QuerySelector("label[for=disclosure-on]")?.TextContent.Trim());
        Assert.Equal(SharingGuidelineTexts.PromotionalLabel, page.QuerySelector("[data-label-promotional]")?.TextContent.Trim());
        Assert.Equal(SharingGuidelineTexts.PaidPartnershipLabel, page.QuerySelector("[data-label-paid]")?.TextContent.Trim());
        var form = page.QuerySelector("form#compose-form")!;
        Assert.Equal(SharingGuidelineTexts.DisclosureIncomplete, form.GetAttribute("data-incomplete-text"));
        Assert.Equal(SharingGuidelineTexts.BrandedNotPrivate, form.GetAttribute("data-branded-private-text"));

        // Declarations with their links, the processing notice, and a fresh submission key.
        var music = page.QuerySelector("[data-declaration-music]")!;
        Assert.Equal(SharingGuidelineTexts.MusicUsageDeclaration, music.TextContent.Trim());
        Assert.Equal(SharingGuidelineTexts.MusicUsageUrl, music.QuerySelector("a")?.GetAttribute("href"));
        var branded = page.QuerySelector("[data-declaration-branded]")!;
        Assert.Equal(SharingGuidelineTexts.BrandedContentDeclaration, branded.TextContent.Trim());
        Assert.Equal([SharingGuidelineTexts.BrandedContentPolicyUrl, SharingGuidelineTexts.MusicUsageUrl], branded.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains(SharingGuidelineTexts.ProcessingNotice, page.QuerySelector("[data-processing-notice]")?.TextContent);
        Assert.True(Guid.TryParse(ComposeTestClient.HiddenFields(page)["Form.SubmissionKey"], out _));
        Assert.Equal("true", page.QuerySelector("button[data-publish]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Compose_RestrictedCreator_GreysOutCommentDuetAndStitchWithTheReason()
    {
        using var client = await _app.SignInAsync("noor@sandbox.midx.test");
        await client.LinkTikTokAsync("restricted");

        var page = await client.GetHtmlAsync("/compose");

        foreach (var id in new[] { "allow-comment", "allow-duet", "allow-stitch" })
        {
            var box = page.QuerySelector($"input#{id}")!;
            Assert.True(box.HasAttribute("disabled"), id);
            Assert.False(box.HasAttribute("checked"), id);
            var row = box.Closest("[data-interaction]")!;
            Assert.Contains("midx-interaction-off", row.ClassList);
            Assert.Contains("turned off in this account's TikTok settings", row.QuerySelector("[data-interaction-why]")?.TextContent);
        }
    }

    [Fact]
    public async Task Compose_ShortCreator_ShowsAndEnforcesSixtySecondMaximum()
    {
        using var client = await _app.SignInAsync("sam@sandbox.midx.test");
        await client.LinkTikTokAsync("short");

        var page = await client.GetHtmlAsync("/compose");

        Assert.Equal("60", page.QuerySelector("[data-max-duration]")?.GetAttribute("data-max-duration"));
        Assert.Contains("60 seconds", page.QuerySelector("[data-max-duration]")?.TextContent);
        Assert.Equal("60", page.QuerySelector("form[data-upload-form]")?.GetAttribute("data-max-duration-sec"));
    }

    [Theory]
    [InlineData("banned", "spam_risk_user_banned_from_posting")]
    [InlineData("capped", "spam_risk_too_many_posts")]
    public async Task Compose_CreatorWhoCannotPostNow_StopsWithTryLaterMessage(string creator, string code)
    {
        using var client = await _app.SignInAsync($"{creator}@sandbox.midx.test");
        await client.LinkTikTokAsync(creator);

        var page = await client.GetHtmlAsync("/compose");

        var stop = page.QuerySelector("[data-compose-stopped]");
        Assert.NotNull(stop);
        Assert.Equal(nameof(CreatorLookupProblem.CannotPostNow), stop.GetAttribute("data-compose-stopped"));
        Assert.Contains("can't post right now", stop.TextContent);
        Assert.Contains(code, stop.TextContent);
        Assert.Null(page.QuerySelector("form#compose-form"));
        Assert.Null(page.QuerySelector("form[data-upload-form]"));
    }

    [Fact]
    public async Task Compose_SeveralAccounts_OffersTheOthersAndComposesForTheChosenOne()
    {
        using var client = await _app.SignInAsync("two@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var restricted = await client.LinkTikTokAsync("restricted");

        var first = await client.GetHtmlAsync("/compose");
        var chosen = await client.GetHtmlAsync(ComposePage.Url(restricted));

        Assert.Equal(2, first.QuerySelectorAll("[data-account-switch] li").Length);
        Assert.Equal("@avery.creates", first.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Equal("@noor.quiet", chosen.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Equal(restricted.ToString(), ComposeTestClient.HiddenFields(chosen)["Form.AccountId"]);
    }

    [Fact]
    public async Task Submit_NoPrivacyChosen_ShowsMessageNextToPrivacyAndKeepsEverythingTyped()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        var fields = ComposeTestClient.ValidDirectPost(upload, "Sunset over the harbour 🌅 #travel");
        fields.Remove("Form.PrivacyLevel");
        fields["Form.AllowComment"] = "true";
        fields["Form.CoverTimestampMs"] = "1200";
        fields["Form.DisclosureOn"] = "true";
        fields["Form.YourBrand"] = "true";

        using var response = await client.PostComposeAsync(ComposePage.Url(uploadId: Guid.Parse(upload)), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ComposeTestClient.ParseAsync(response);
        Assert.Equal("Choose who can see this post.", page.QuerySelector("[data-error=privacy]")?.TextContent.Trim());
        Assert.Contains("is-invalid", page.QuerySelector("select[data-privacy]")!.ClassList);
        Assert.NotNull(page.QuerySelector("[data-error-summary]"));
        Assert.Equal("Sunset over the harbour 🌅 #travel", page.QuerySelector("textarea[data-caption]")?.TextContent);
        Assert.True(page.QuerySelector("input#allow-comment")!.HasAttribute("checked"));
        Assert.Equal("1200", page.QuerySelector("input[data-cover-ms]")?.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[data-disclosure-toggle]")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[data-your-brand]")!.HasAttribute("checked"));
        Assert.Equal(upload, page.QuerySelector("input[data-upload-id]")?.GetAttribute("value"));
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("video[data-preview]")?.GetAttribute("src")));
        Assert.Empty(await _app.JobsAsync());
    }

    [Theory]
    [InlineData("caption", "Form.Caption", "caption_too_long")]
    [InlineData("disclosure", "Form.DisclosureOn", "disclosure_incomplete")]
    [InlineData("privacy", "Form.BrandedContent", "branded_private")]
    [InlineData("schedule", "Form.When", "schedule_in_past")]
    [InlineData("cover", "Form.CoverTimestampMs", "cover_out_of_range")]
    [InlineData("general", "Form.ConsentGiven", "consent_missing")]
    public async Task Submit_InvalidChoice_ShowsPlainMessageBesideItsFieldAndCreatesNoJob(string field, string changed, string code)
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        var fields = ComposeTestClient.ValidDirectPost(upload);
        switch (code)
        {
            case "caption_too_long":
                fields[changed] = new string('a', 2199) + "😀";
                break;
            case "disclosure_incomplete":
                fields[changed] = "true";
                break;
            case "branded_private":
                fields["Form.DisclosureOn"] = "true";
                fields[changed] = "true";
                break;
            case "schedule_in_past":
                fields[changed] = "later";
                fields["Form.ScheduleLocal"] = "2001-01-01T10:00";
                break;
            case "cover_out_of_range":
                fields[changed] = "60000";
                break;
            case "consent_missing":
                fields.Remove(changed);
                break;
        }

        using var response = await client.PostComposeAsync(ComposePage.Url(uploadId: Guid.Parse(upload)), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ComposeTestClient.ParseAsync(response);
        var message = page.QuerySelector($"[data-error={field}]")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(message), $"No message beside {field} for {code}.");
        Assert.DoesNotContain("_", message);
        Assert.Empty(await _app.JobsAsync());
    }

    [Theory]
    [InlineData("Form.Mode", "Bogus")]
    [InlineData("Form.Mode", "1")]
    [InlineData("Form.Mode", "inbox")]
    [InlineData("Form.Source", "Bogus")]
    [InlineData("Form.When", "whenever")]
    public async Task Submit_ChoiceThatIsNotOneOfTheNames_IsRefusedInWordsAndCreatesNoJob(string field, string value)
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        var fields = ComposeTestClient.ValidDirectPost(upload);
        fields[field] = value;

        using var response = await client.PostComposeAsync(ComposePage.Url(uploadId: Guid.Parse(upload)), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ComposeTestClient.ParseAsync(response);
        Assert.StartsWith("Choose ", page.QuerySelector("[data-error-summary] [data-error=general]")?.TextContent.Trim());
        Assert.Empty(await _app.JobsAsync());
    }

    [Fact]
    public async Task Submit_TwiceWithSameSubmissionKey_CreatesOneJobAndBothGoToIt()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        var url = ComposePage.Url(uploadId: Guid.Parse(upload));
        var rendered = await client.GetHtmlAsync(url);
        var fields = ComposeTestClient.ValidDirectPost(upload);
        fields["Form.When"] = "later";
        fields["Form.ScheduleLocal"] = DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm");

        using var first = await client.PostComposeAsync(url, fields, rendered);
        using var second = await client.PostComposeAsync(url, fields, rendered);

        var job = Assert.Single(await _app.JobsAsync());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal($"/jobs/{job.Id}", new Uri(client.BaseAddress!, first.Headers.Location!).AbsolutePath);
        Assert.Equal($"/jobs/{job.Id}", new Uri(client.BaseAddress!, second.Headers.Location!).AbsolutePath);
        Assert.Equal(JobState.Scheduled, job.State);
        Assert.Equal("SELF_ONLY", job.PrivacyLevel);
        Assert.True(job.DisableComment && job.DisableDuet && job.DisableStitch);
    }

    [Fact]
    public async Task Submit_ScheduledWithBrowserOffset_StoresTheMomentInUtc()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        var berlin = DateTime.UtcNow.AddHours(3).AddHours(1);
        var fields = ComposeTestClient.ValidDirectPost(upload);
        fields["Form.When"] = "later";
        fields["Form.ScheduleLocal"] = berlin.ToString("yyyy-MM-ddTHH:mm");
        fields["Form.TimeZoneOffsetMinutes"] = "-60";

        using var response = await client.PostComposeAsync(ComposePage.Url(uploadId: Guid.Parse(upload)), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = Assert.Single(await _app.JobsAsync());
        var expected = new DateTime(berlin.Year, berlin.Month, berlin.Day, berlin.Hour, berlin.Minute, 0).AddHours(-1);
        Assert.Equal(expected, job.ScheduledAt);
    }

    [Fact]
    public async Task Submit_InboxWithoutPrivacy_CreatesDraftJob()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.WebMThreeSeconds, "draft.webm");
        var fields = ComposeTestClient.ValidDirectPost(upload);
        fields["Form.Mode"] = "Inbox";
        fields.Remove("Form.PrivacyLevel");
        fields["Form.When"] = "later";
        fields["Form.ScheduleLocal"] = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm");

        using var response = await client.PostComposeAsync(ComposePage.Url(uploadId: Guid.Parse(upload)), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = Assert.Single(await _app.JobsAsync());
        Assert.Equal(PublishMode.Inbox, job.Mode);
        Assert.Null(job.PrivacyLevel);
    }

    [Fact]
    public async Task Compose_NoJavaScriptUploadRedirect_ShowsThePreviewAndAnUploadErrorInWords()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.MovOneAndAHalfSeconds, "holiday.mov");

        var uploaded = await client.GetHtmlAsync(ComposePage.Url(uploadId: Guid.Parse(upload)));
        var refused = await client.GetHtmlAsync("/compose?uploadError=not_a_video");

        Assert.Contains("holiday.mov", uploaded.QuerySelector("[data-upload-summary]")?.TextContent);
        Assert.StartsWith($"/publishing/uploads/{upload}/preview?t=", uploaded.QuerySelector("video[data-preview]")?.GetAttribute("src"));
        Assert.Equal("1500", uploaded.QuerySelector("[data-cover-picker]")?.GetAttribute("data-duration-ms"));
        Assert.Equal(VideoErrors.NotAVideo.Message, refused.QuerySelector("[data-upload-error]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Compose_NoJavaScriptUploadForSecondAccount_ComesBackOnThatAccountWithTheVideoOrTheRefusal()
    {
        using var client = await _app.SignInAsync("two@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var restricted = await client.LinkTikTokAsync("restricted");
        var (action, token) = ComposeTestClient.UploadForm(await client.GetHtmlAsync(ComposePage.Url(restricted)));

        using var uploaded = await client.PostUploadFormAsync(action, token, VideoFixtures.MovOneAndAHalfSeconds, "holiday.mov", "video/quicktime");
        using var refused = await client.PostUploadFormAsync(action, token, VideoFixtures.RenamedText, "notes.mp4", "video/mp4");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var back = await client.GetHtmlAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Equal("@noor.quiet", back.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Equal(restricted.ToString(), ComposeTestClient.HiddenFields(back)["Form.AccountId"]);
        Assert.Contains("holiday.mov", back.QuerySelector("[data-upload-summary]")?.TextContent);
        Assert.Null(back.QuerySelector("[data-account-problem]"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var refusal = await client.GetHtmlAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal("@noor.quiet", refusal.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Equal(VideoErrors.NotAVideo.Message, refusal.QuerySelector("[data-upload-error]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Compose_AnotherUsersAccountInUploadOrForm_IsDroppedRevealsNothingAndSendsNothing()
    {
        using var owner = await _app.SignInAsync("owner@sandbox.midx.test");
        var ownersAccount = await owner.LinkTikTokAsync("restricted");
        using var client = await _app.SignInAsync("two@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        await client.LinkTikTokAsync("short");
        var (_, token) = ComposeTestClient.UploadForm(await client.GetHtmlAsync("/compose"));

        using var uploaded = await client.PostUploadFormAsync(
            UploadEndpoints.FormAction(ownersAccount), token, VideoFixtures.MovOneAndAHalfSeconds, "holiday.mov", "video/quicktime");
        var forgedPage = await client.GetHtmlAsync(ComposePage.Url(ownersAccount));
        var fields = ComposeTestClient.ValidDirectPost(await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4"));
        fields["Form.AccountId"] = ownersAccount.ToString();
        using var submitted = await client.PostComposeAsync("/compose", fields);

        // The upload is kept, for the user's own first account; the other user's account id is not sent back.
        var location = uploaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/compose?upload=", location);
        Assert.DoesNotContain(ownersAccount.ToString("N"), location);
        Assert.Equal("@avery.creates", forgedPage.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Contains("not linked to your Midx account", forgedPage.QuerySelector("[data-account-problem]")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var refusedSubmit = await ComposeTestClient.ParseAsync(submitted);
        Assert.Contains("not linked to your Midx account", refusedSubmit.QuerySelector("[data-error=account]")?.TextContent);
        foreach (var page in new[] { forgedPage, refusedSubmit })
        {
            Assert.DoesNotContain("noor.quiet", page.DocumentElement.OuterHtml);
            Assert.DoesNotContain("Noor Haddad", page.DocumentElement.OuterHtml);
        }

        Assert.Empty(await _app.JobsAsync());
    }

    [Fact]
    public async Task Compose_AccountNearTheDailyPostCap_WarnsBeforeAnythingIsSent()
    {
        using var client = await _app.SignInAsync("busy@sandbox.midx.test");
        var accountId = await client.LinkTikTokAsync("public");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
            var account = await db.TikTokAccounts.SingleAsync(a => a.Id == accountId);
            for (var i = 0; i < PostingLimitWarningsQuery.DailyPostCap - PostingLimitWarningsQuery.DailyPostWarningMargin; i++)
            {
                db.PublishJobs.Add(new PublishJob
                {
                    UserId = account.UserId, TikTokAccountId = accountId, SubmissionKey = $"busy-{i}", Mode = PublishMode.Direct,
                    State = JobState.Queued, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        var page = await client.GetHtmlAsync("/compose");

        var warning = page.QuerySelector($"[data-limit-warning={PostingLimit.DailyPosts}]");
        Assert.NotNull(warning);
        Assert.Contains("12 posts through Midx in the last 24 hours", warning.TextContent);
        Assert.NotNull(page.QuerySelector("form#compose-form"));
    }

    public void Dispose() => _app.Dispose();
}
