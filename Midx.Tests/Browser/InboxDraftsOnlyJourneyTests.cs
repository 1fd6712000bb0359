using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// An installation whose posting boundary is inbox drafts (<c>TikTok:InboxDraftsOnly</c>), in Chromium against the
/// sandbox TikTok: linking asks for no Direct Post permission and the account is not called incomplete for lacking it;
/// the compose page offers no Direct Post, and a draft travels to the creator's inbox.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxDraftsOnlyJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new(MidxAppFactory.QuickWorker(("TikTok:InboxDraftsOnly", "true")));

    [Fact]
    public async Task InboxDraftsOnly_LinkComposeAndSend_NeverOffersDirectPostAndTheDraftReachesTheInbox()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        var scopes = page.Locator("[data-scopes] [data-scope]");
        await Assertions.Expect(scopes).ToHaveCountAsync(new TikTokOptions { InboxDraftsOnly = true }.ScopeList.Count);
        await Assertions.Expect(page.Locator($"[data-scope='{TikTokScopes.VideoPublish}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-scope][data-granted=false]")).ToHaveCountAsync(0);

        await page.GotoAsync("/compose");
        await tab.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-inbox-drafts-only]")).ToHaveTextAsync(PostingBoundary.InboxDraftsOnly);
        await Assertions.Expect(page.Locator("[data-mode-choice]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-max-duration]")).ToHaveAttributeAsync("data-max-duration", VideoLimits.MaxApiDurationSeconds.ToString());
        await page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").SetInputFilesAsync(VideoFixtures.PathOf(VideoFixtures.Mp4TwoSeconds));
        await Assertions.Expect(page.Locator("[data-upload-summary]")).ToContainTextAsync("two-seconds.mp4");
        await tab.ScreenshotAsync("compose-inbox-drafts-only");
        await tab.ScreenshotAtPhoneWidthAsync("compose-inbox-drafts-only-390", "[data-inbox-drafts-only]");
        // The address keeps the upload, so the reloads of the phone screenshot bring the same video back.
        await Assertions.Expect(page.Locator("[data-upload-summary]")).ToContainTextAsync("two-seconds.mp4");
        await Assertions.Expect(page.Locator("button[data-publish]")).ToHaveTextAsync("Send to TikTok inbox");
        await page.Locator("button[data-publish]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}"), new() { WaitUntil = WaitUntilState.Commit });
        var badge = page.Locator("[data-job-badge]");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", nameof(JobState.SentToInbox), new() { Timeout = 30_000 });
        var job = Assert.Single(await _app.JobsAsync());
        Assert.Equal(PublishMode.Inbox, job.Mode);
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    public void Dispose() => _app.Dispose();
}
