using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// The compose page in Chromium, TikTok's Content Sharing Guidelines checklist item by item
/// (https://developers.tiktok.com/doc/content-sharing-guidelines), then a real upload with its progress bar, preview
/// and cover picker, and the submission to the job page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposeJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Compose_GuidelineChecklist_HoldsItemByItem()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        await page.GotoAsync("/compose");
        await tab.WaitForCircuitAsync();

        // 1a: the target account from a fresh creator_info.
        await Assertions.Expect(page.Locator("[data-creator-nickname]")).ToHaveTextAsync("Avery Stone");
        await Assertions.Expect(page.Locator("[data-creator-username]")).ToHaveTextAsync("@avery.creates");
        Assert.True(await page.Locator("[data-creator-avatar]").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The avatar did not load.");
        await tab.ScreenshotAsync("compose-empty");

        // 2b: privacy has no default and only the creator's options.
        var privacy = page.GetByLabel("Who can see this video");
        Assert.Equal("", await privacy.InputValueAsync());
        await Assertions.Expect(privacy.Locator("option:checked")).ToHaveTextAsync("Choose who can see this");
        Assert.Equal(["Everyone", "Friends (followers you follow back)", "Only me"],
            await privacy.Locator("option:not([disabled])").AllTextContentsAsync());

        // 2c: interactions none checked.
        foreach (var name in new[] { "Comment", "Duet", "Stitch" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = name, Exact = true })).Not.ToBeCheckedAsync();
        }

        // 3a: disclosure off by default, no label prompt anywhere.
        var toggle = page.GetByRole(AriaRole.Switch, new() { Name = SharingGuidelineTexts.DisclosureToggle });
        var yourBrand = page.GetByRole(AriaRole.Checkbox, new() { Name = SharingGuidelineTexts.YourBrand, Exact = true });
        var branded = page.GetByRole(AriaRole.Checkbox, new() { Name = SharingGuidelineTexts.BrandedContent, Exact = true });
        var publish = page.Locator("button[data-publish]");
        var wrapper = page.Locator("[data-publish-wrapper]");
        var promotional = page.GetByText(SharingGuidelineTexts.PromotionalLabel);
        var paid = page.GetByText(SharingGuidelineTexts.PaidPartnershipLabel);
        await Assertions.Expect(toggle).Not.ToBeCheckedAsync();
        await Assertions.Expect(yourBrand).ToBeHiddenAsync();
        await Assertions.Expect(promotional).ToBeHiddenAsync();
        await Assertions.Expect(paid).ToBeHiddenAsync();
        await Assertions.Expect(publish).ToBeEnabledAsync();

        // Toggle on, nothing chosen: Publish disabled with TikTok's hover text.
        await toggle.CheckAsync();
        await Assertions.Expect(yourBrand).ToBeVisibleAsync();
        await Assertions.Expect(yourBrand).Not.ToBeCheckedAsync();
        await Assertions.Expect(branded).Not.ToBeCheckedAsync();
        await Assertions.Expect(publish).ToBeDisabledAsync();
        await Assertions.Expect(wrapper).ToHaveAttributeAsync("title", SharingGuidelineTexts.DisclosureIncomplete);
        await Assertions.Expect(page.Locator("[data-publish-blocked]")).ToHaveTextAsync(SharingGuidelineTexts.DisclosureIncomplete);
        await Assertions.Expect(promotional).ToBeHiddenAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.ScreenshotAsync("compose-disclosure-incomplete");

        // Your brand: "Promotional content", the music declaration, Publish enabled.
        await yourBrand.CheckAsync();
        await Assertions.Expect(publish).ToBeEnabledAsync();
        await Assertions.Expect(wrapper).Not.ToHaveAttributeAsync("title", new Regex("."));
        await Assertions.Expect(promotional).ToBeVisibleAsync();
        await Assertions.Expect(paid).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-declaration=music]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-declaration=music]")).ToHaveTextAsync(SharingGuidelineTexts.MusicUsageDeclaration);

        // Branded content (with Your brand): "Paid partnership", the branded declaration, "Only me" disabled with its hover text.
        await branded.CheckAsync();
        await Assertions.Expect(paid).ToBeVisibleAsync();
        await Assertions.Expect(promotional).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-declaration=branded]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-declaration=branded]")).ToHaveTextAsync(SharingGuidelineTexts.BrandedContentDeclaration);
        await Assertions.Expect(page.Locator("[data-declaration=music]")).ToBeHiddenAsync();
        var onlyMe = privacy.Locator("option[value=SELF_ONLY]");
        await Assertions.Expect(onlyMe).ToBeDisabledAsync();
        await Assertions.Expect(onlyMe).ToHaveAttributeAsync("title", SharingGuidelineTexts.BrandedNotPrivate);
        await Assertions.Expect(page.Locator("[data-self-only-note]")).ToHaveTextAsync(SharingGuidelineTexts.BrandedNotPrivate);
        Assert.Equal(["Everyone", "Friends (followers you follow back)"], await privacy.Locator("option:not([disabled])").AllTextContentsAsync());

        // Branded content alone still says "Paid partnership".
        await yourBrand.UncheckAsync();
        await Assertions.Expect(paid).ToBeVisibleAsync();
        await Assertions.Expect(publish).ToBeEnabledAsync();

        // Neither: disabled again. Then the reverse rule: "Only me" first disables "Branded content", with the reason.
        await branded.UncheckAsync();
        await Assertions.Expect(publish).ToBeDisabledAsync();
        await Assertions.Expect(onlyMe).ToBeEnabledAsync();
        await privacy.SelectOptionAsync("SELF_ONLY");
        await Assertions.Expect(branded).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-branded-private-note]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-branded-private-note]")).ToHaveTextAsync(SharingGuidelineTexts.BrandedNotPrivate);
        await yourBrand.CheckAsync();
        await Assertions.Expect(publish).ToBeEnabledAsync();

        // Title: counted in UTF-16 units, as TikTok counts.
        await page.GetByLabel("Title and caption").FillAsync("Harbour 🌅");
        await Assertions.Expect(page.Locator("[data-caption-count]")).ToHaveTextAsync("10 / 2,200");

        // 5d: the processing notice; inbox mode hides what only a Direct Post uses.
        await Assertions.Expect(page.GetByText(SharingGuidelineTexts.ProcessingNotice)).ToBeVisibleAsync();
        await page.GetByText("Send to TikTok inbox", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(privacy).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText(SharingGuidelineTexts.InboxNotice)).ToBeVisibleAsync();
        await Assertions.Expect(publish).ToHaveTextAsync("Send to TikTok inbox", new() { UseInnerText = true });
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Compose_RestrictedCreator_ShowsGreyedInteractionsWithReasons()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await tab.SignInAsync("Grace Hopper");
        await tab.LinkTikTokAsync("Noor Haddad");

        await page.GotoAsync("/compose");
        await tab.WaitForCircuitAsync();

        foreach (var name in new[] { "Comment", "Duet", "Stitch" })
        {
            var toggle = page.GetByRole(AriaRole.Switch, new() { Name = name, Exact = true });
            await Assertions.Expect(toggle).ToBeDisabledAsync();
            await Assertions.Expect(toggle).Not.ToBeCheckedAsync();
        }

        await Assertions.Expect(page.GetByText("Comments are turned off in this account's TikTok settings.")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("compose-restricted-creator");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Upload_FixtureVideo_ShowsProgressThenPreviewAndCoverPickerAndSubmits()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.GotoAsync("/compose");
        await tab.WaitForCircuitAsync();

        // A real MP4 padded with a 1.5 MB "free" box, sent over a slowed-down link so the progress bar moves visibly.
        var padded = PaddedMp4(1_500_000);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await Throttle(cdp, 250_000);

        var file = page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)");
        var bar = page.Locator("[data-upload-progress]");
        await file.SetInputFilesAsync(padded);
        await Assertions.Expect(page.Locator("[data-upload-status]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const v = Number(document.querySelector('[data-upload-progress]').getAttribute('aria-valuenow')); return v >= 10 && v < 90; }");
        await Assertions.Expect(page.Locator("[data-upload-progress-text]")).ToContainTextAsync(new Regex(@"of 1\.4 MB \(\d+%\)"));
        await tab.ScreenshotAsync("compose-upload-progress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-upload-error]")).ToHaveTextAsync("Upload cancelled. Nothing was kept.");
        await Assertions.Expect(page.Locator("[data-upload-status]")).ToBeHiddenAsync();
        Assert.Equal("", await page.Locator("[data-upload-id]").InputValueAsync());

        await Throttle(cdp, -1);
        await file.SetInputFilesAsync(padded);
        await Assertions.Expect(page.Locator("[data-upload-summary]")).ToHaveTextAsync(new Regex(@"^padded\.mp4 · 1\.4 MB · 2 seconds$"), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-upload-status]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-upload-error]")).ToBeHiddenAsync();
        Assert.Matches("^[0-9a-f]{32}$", await page.Locator("[data-upload-id]").InputValueAsync());
        Assert.Contains("upload=", page.Url);

        // The preview is the uploaded file itself, served only to its owner.
        var preview = page.Locator("video[data-preview]");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('video[data-preview]').readyState >= 1");
        Assert.InRange(await preview.EvaluateAsync<double>("v => v.duration"), 1.9, 2.1);

        // The cover picker scrubs the preview and fills the field the form posts.
        var range = page.Locator("[data-cover-range] input[type=range]");
        await Assertions.Expect(range).ToBeVisibleAsync();
        await range.EvaluateAsync("r => { r.value = '1200'; r.dispatchEvent(new Event('input', { bubbles: true })); r.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Assertions.Expect(page.Locator("[data-cover-ms] input")).ToHaveValueAsync("1200");
        await page.WaitForFunctionAsync("() => Math.abs(document.querySelector('video[data-preview]').currentTime - 1.2) < 0.05");

        await page.GetByLabel("Title and caption").FillAsync("Harbour at dusk 🌅 #travel");
        await page.GetByLabel("Who can see this video").SelectOptionAsync("SELF_ONLY");
        await page.GetByRole(AriaRole.Switch, new() { Name = "Comment", Exact = true }).CheckAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await tab.ScreenshotAsync("compose-filled");
        await page.SetViewportSizeAsync(390, 844);
        await tab.ScreenshotAsync("compose-filled-390");
        await page.SetViewportSizeAsync(1280, 800);

        await page.Locator("button[data-publish]").ClickAsync();
        // The circuit moves to the post page without loading a new document.
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("Sent to Midx's queue");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Harbour at dusk 🌅 #travel");
        var job = Assert.Single(await _app.JobsAsync());
        Assert.Equal(1200, job.CoverTimestampMs);
        Assert.False(job.DisableComment);
        Assert.Equal("padded.mp4", job.FileName);
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Upload_300MegabyteVideo_ShowsProgressAndCancelKeepsNothing()
    {
        await using var tab = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.GotoAsync("/compose");
        await tab.WaitForCircuitAsync();
        var big = PaddedMp4(300 * 1024 * 1024);
        // Slowed to 60 MB/s so the bar is caught in the middle on any machine; the bytes still go in one plain request.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await Throttle(cdp, 60 * 1024 * 1024);

        await page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").SetInputFilesAsync(big);
        await page.WaitForFunctionAsync("() => { const v = Number(document.querySelector('[data-upload-progress]')?.getAttribute('aria-valuenow')); return v >= 5 && v < 80; }",
            null, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-upload-progress-text]")).ToContainTextAsync(new Regex(@"MB of 300 MB \(\d+%\)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel upload" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-upload-error]")).ToHaveTextAsync(ErrorCatalog.UploadCancelled.Message);
        await Assertions.Expect(page.Locator("[data-upload-status]")).ToBeHiddenAsync();
        // The endpoint deletes what it had received of the aborted request.
        var media = Path.Combine(_app.DataFolder, "media");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(!Directory.Exists(media) || !Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any(), "Part of the cancelled upload was kept.");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    private static Task Throttle(ICDPSession cdp, int uploadBytesPerSecond) =>
        cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = uploadBytesPerSecond,
        });

    /// <summary>The 2-second MP4 fixture followed by a top-level "free" box (ignored by every reader) of this many bytes.</summary>
    private string PaddedMp4(int padding)
    {
        var path = Path.Combine(_app.DataFolder, "fixtures", "padded.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var video = VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds);
        var box = new byte[padding];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(box, padding);
        "free"u8.CopyTo(box.AsSpan(4));
        File.WriteAllBytes(path, [.. video, .. box]);
        return path;
    }

    public void Dispose() => _app.Dispose();
}
