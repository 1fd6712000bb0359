using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Midx.App.Publishing;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Accounts;
using Midx.Tests.Admin;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// The whole journey in Chromium with the real publish worker and the sandbox TikTok: compose, upload, publish, and
/// watch the job page follow TikTok live (no reload) to Posted with its TikTok link; then the history page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new(MidxAppFactory.QuickWorker());

    [Fact]
    public async Task Publish_DirectPost_JobPageFollowsTikTokLiveToPostedWithoutReload()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        // TikTok takes a couple of seconds to process, so each step is visible. Moderation is instant: the worker stops
        // checking at PUBLISH_COMPLETE, so the post id must come with it for the link to appear.
        Assert.True((await page.APIRequest.PostAsync("/sandbox/tiktok/__test/switches", new() { DataObject = new { processingDelaySeconds = 2, moderationDelaySeconds = 0 } })).Ok);

        await page.GotoAsync("/compose");
        await page.Locator("[data-circuit=on]").WaitForAsync();
        await page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").SetInputFilesAsync(VideoFixtures.PathOf(VideoFixtures.Mp4TwoSeconds));
        await Assertions.Expect(page.Locator("[data-upload-summary]")).ToContainTextAsync("two-seconds.mp4");
        await page.GetByLabel("Title and caption").FillAsync("Blue hour at the harbour #travel");
        await page.GetByLabel("Who can see this video").SelectOptionAsync("PUBLIC_TO_EVERYONE");
        await page.GetByRole(AriaRole.Switch, new() { Name = "Comment", Exact = true }).CheckAsync();
        await page.Locator("button[data-publish]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        // Marks this document; a reload would lose the mark.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        var badge = page.Locator("[data-job-badge]");
        await Assertions.Expect(badge).ToHaveTextAsync("TikTok is processing", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-job-progress-text]")).ToHaveTextAsync("9.4 KB sent to TikTok");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.ScreenshotAsync("job-page-processing");

        await Assertions.Expect(badge).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", nameof(JobState.Published));
        await Assertions.Expect(page.Locator("a[data-job-link]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("a[data-job-link]")).ToHaveAttributeAsync("href", new Regex("^https://www\\.tiktok\\.com/@avery\\.creates/video/\\d+$"));
        await Assertions.Expect(page.Locator("[data-job-action=cancel]")).ToBeHiddenAsync();
        var timeline = await page.Locator("[data-job-timeline] li").AllTextContentsAsync();
        Assert.Contains(timeline, t => t.Contains("Uploading to TikTok", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Posted", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.ScreenshotAsync("job-page");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await tab.WaitForCircuitAsync();
        await tab.ScreenshotAsync("job-page-390");
        // Back at full width, loaded afresh: the drawer's layout settles before the next click.
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await tab.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var row = page.Locator("[data-job-id]").First;
        await Assertions.Expect(row.Locator("[data-job-badge]")).ToHaveTextAsync("Posted");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "On TikTok" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("history");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await tab.WaitForCircuitAsync();
        await tab.ScreenshotAsync("history-390");
        // Back at full width, loaded afresh: the drawer's layout settles before the next click.
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await tab.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "On TikTok", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-tiktok-video]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-tiktok-video]").First).ToContainTextAsync("Blue hour at the harbour");
        await tab.ScreenshotAsync("history-on-tiktok");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task History_ScheduledAndFailedPosts_UpdateLiveAndOfferCancelAndRetry()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        // A post that TikTok refuses (caption judged spam), and one scheduled for later.
        Assert.True((await page.APIRequest.PostAsync("/sandbox/tiktok/__test/publish-scenario", new() { DataObject = new { failReason = "spam_risk_text", processingSeconds = 1 } })).Ok);
        await ComposeAsync(page, "Buy now!!! #spam", later: false);
        await ComposeAsync(page, "Tomorrow's sunrise", later: true);

        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        var failed = page.Locator("[data-job-id]").Filter(new() { HasText = "Buy now" });
        var scheduled = page.Locator("[data-job-id]").Filter(new() { HasText = "Tomorrow's sunrise" });
        await Assertions.Expect(failed.Locator("[data-job-badge]")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        await Assertions.Expect(failed.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeVisibleAsync();
        await Assertions.Expect(failed.Locator("[data-job-message]")).ToContainTextAsync("spam");
        await Assertions.Expect(scheduled.Locator("[data-job-badge]")).ToHaveTextAsync("Scheduled");
        await tab.ScreenshotAsync("history-failed-and-scheduled");

        await scheduled.GetByRole(AriaRole.Button, new() { Name = "Cancel post" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Nothing is posted");
        await tab.ScreenshotAsync("history-cancel-dialog");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel post" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-notice]")).ToHaveTextAsync("Cancelled. Nothing was posted on TikTok.");
        await Assertions.Expect(scheduled.Locator("[data-job-badge]")).ToHaveTextAsync("Cancelled");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task History_AFullPageOfTheLongestCaptions_StillRunsOnItsCircuit()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        // The prerendered page hands its state to the circuit in one message: a full page of posts whose captions are
        // as long as TikTok allows, in a script that takes three bytes a character, is its largest.
        var caption = string.Concat(Enumerable.Repeat("东京の夜景✨", PublishRequestRules.MaxCaptionLength / 6));
        await _app.QueryAsync(async db =>
        {
            var account = await db.TikTokAccounts.SingleAsync();
            for (var i = 0; i < PostHistoryQuery.PageSize; i++)
            {
                db.AddJob(account, DateTime.UtcNow.AddMinutes(-i - 1)).Caption = caption;
            }

            return await db.SaveChangesAsync();
        });

        await tab.Page.GotoAsync("/history");

        await tab.WaitForCircuitAsync();
        await Assertions.Expect(tab.Page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(tab.Page.Locator("[data-job-id]")).ToHaveCountAsync(PostHistoryQuery.PageSize);
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Disconnect_WithAScheduledPost_SaysWhatHappensThenKeepsTheHistory()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await ComposeAsync(page, "Tomorrow's sunrise", later: true);

        await page.GotoAsync("/accounts");
        await tab.WaitForCircuitAsync();
        var account = page.Locator("[data-account]");
        await Assertions.Expect(account.Locator("[data-disconnect-effect]"))
            .ToHaveTextAsync("Disconnecting cancels 1 post not yet sent to TikTok. Your post history is kept.");
        await tab.ScreenshotAsync("accounts-disconnect-effect");
        await account.GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Disconnecting cancels 1 post not yet sent to TikTok.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("Your post history is kept; 1 post not yet sent to TikTok was cancelled.");
        await tab.ScreenshotAsync("accounts-after-disconnect");

        await page.GotoAsync("/history");
        var row = page.Locator("[data-job-id]").Filter(new() { HasText = "Tomorrow's sunrise" });
        await Assertions.Expect(row.Locator("[data-job-badge]")).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(row.Locator("[data-job-account]")).ToHaveTextAsync("@avery.creates (disconnected)");
        await Assertions.Expect(row.Locator("[data-job-message]")).ToHaveTextAsync("Cancelled because @avery.creates was disconnected before it was sent. Nothing was posted on TikTok.");
        await tab.ScreenshotAsync("history-after-disconnect");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Scheduled_WhenItsTimeComes_ThePostPageFollowsItToPostedWithoutReload()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await ComposeAsync(page, "Sunrise, later", later: true);
        await Assertions.Expect(page.Locator("[data-job-badge]")).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        // The chosen time comes (the row's time is moved to now instead of waiting a day): the worker sends it.
        var jobId = Guid.Parse(new Uri(page.Url).AbsolutePath["/jobs/".Length..]);
        await _app.UpdateJobAsync(jobId, j => j.ScheduledAt = DateTime.UtcNow.AddSeconds(-1));

        await Assertions.Expect(page.Locator("[data-job-badge]")).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        var states = await page.Locator("[data-job-timeline] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.eventState)");
        Assert.Equal(nameof(JobState.Scheduled), states[0]);
        Assert.Contains(nameof(JobState.Uploading), states);
        Assert.Equal(nameof(JobState.Published), states[^1]);
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Failure_OnTikTok_ShowsCodeExplanationAndLogIdLive_AndRetryOnlyWhereMidxStillHasTheVideo()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        // TikTok refuses the caption while processing: it had the video, so Midx deleted its copy and cannot send it again.
        Assert.True((await page.APIRequest.PostAsync("/sandbox/tiktok/__test/publish-scenario", new() { DataObject = new { failReason = "spam_risk_text", processingSeconds = 1 } })).Ok);
        await ComposeAsync(page, "Buy now!!! #spam", later: false);
        var error = page.Locator("[data-job-error]");
        await Assertions.Expect(error).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-job-badge]")).ToHaveTextAsync("Failed");
        await Assertions.Expect(error.Locator("[data-job-error-heading]")).ToHaveTextAsync("What TikTok said");
        await Assertions.Expect(error.Locator("[data-job-error-code]")).ToHaveTextAsync("spam_risk_text");
        await Assertions.Expect(error.Locator("[data-job-error-message]")).ToHaveTextAsync(ErrorCatalog.SpamRiskText.Message);
        await Assertions.Expect(error.Locator("[data-job-log-id]")).ToHaveTextAsync(new Regex("^[0-9]{14}[0-9A-F]{20}$"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-retry-impossible]")).ToHaveTextAsync(JobNoticeText.For(JobNotice.VideoMissing, null)!);
        await Assertions.Expect(page.Locator("[data-job-action=retry]")).ToHaveCountAsync(0);
        // Opened afresh (prerendered, then live), the page still shows the whole history.
        await Assertions.Expect(page.Locator("[data-job-timeline] li").Last).ToHaveAttributeAsync("data-event-state", nameof(JobState.Failed));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.ScreenshotAsync("job-page-failed");

        // TikTok refuses to start the upload: it never had the video, Midx still has it, so Retry sends it again.
        Assert.True((await page.APIRequest.PostAsync("/sandbox/tiktok/__test/faults", new() { DataObject = new { endpoint = "video_init", status = 403, errorCode = "spam_risk_too_many_posts" } })).Ok);
        await ComposeAsync(page, "Harbour at dusk", later: false);
        await Assertions.Expect(page.Locator("[data-job-badge]")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-job-error-code]")).ToHaveTextAsync("spam_risk_too_many_posts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("as a new attempt");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice]")).ToHaveTextAsync(JobNoticeText.For(JobNotice.Retried, null)!);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "an earlier post" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-job-badge]")).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        Assert.Equal(3, (await _app.JobsAsync()).Count);
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task LiveView_AnotherPersonsPostsNeverReachMyTab_AndADisabledUserLosesTheViewWithin30Seconds()
    {
        await using var grace = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await grace.SignInAsync("Grace Hopper");
        await grace.LinkTikTokAsync("Avery Stone");
        await using var ada = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await ada.SignInAsync("Ada Lovelace");
        await ada.Page.GotoAsync("/history");
        await Assertions.Expect(ada.Page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(ada.Page.Locator("[data-history-empty]")).ToBeVisibleAsync();

        // Grace's post goes all the way to Posted while Ada's history is open and listening (that the update is never even
        // handed to Ada's circuit is LiveJobFeedTests'; this is what Ada sees).
        await ComposeAsync(grace.Page, "Grace's harbour at dawn", later: false);
        await Assertions.Expect(grace.Page.Locator("[data-job-badge]")).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        Assert.Empty(await ada.Page.Locator("[data-job-id]").AllAsync());
        Assert.DoesNotContain("harbour at dawn", await ada.Page.ContentAsync());
        await Assertions.Expect(ada.Page.Locator("[data-history-empty]")).ToBeVisibleAsync();

        // Ada is disabled while her tab is open: the circuit notices within its 30-second check and leaves the live view.
        await _app.UpdateUserAsync((await _app.UserByEmailAsync("ada@sandbox.midx.test")).Id, u => u.IsDisabled = true);
        await ada.Page.WaitForURLAsync(new Regex("/signin"), new() { Timeout = 35_000 });
        await Assertions.Expect(ada.Page.Locator("[data-live-status]")).ToHaveCountAsync(0);
    }

    private static async Task ComposeAsync(IPage page, string caption, bool later)
    {
        await page.GotoAsync("/compose");
        await page.Locator("[data-circuit=on]").WaitForAsync();
        await page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").SetInputFilesAsync(VideoFixtures.PathOf(VideoFixtures.Mp4TwoSeconds));
        await Assertions.Expect(page.Locator("[data-upload-summary]")).ToContainTextAsync("two-seconds.mp4");
        await page.GetByLabel("Title and caption").FillAsync(caption);
        await page.GetByLabel("Who can see this video").SelectOptionAsync("SELF_ONLY");
        if (later)
        {
            await page.GetByLabel("At a time I choose").CheckAsync();
            await page.GetByLabel("Date and time").FillAsync(DateTime.Now.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.Locator("button[data-publish]").ClickAsync();
        // The circuit moves to the post page without loading a new document.
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}"), new() { WaitUntil = WaitUntilState.Commit });
    }

    public void Dispose() => _app.Dispose();
}
