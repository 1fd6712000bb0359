using Microsoft.Playwright;
using Midx.Tests.Browser;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

[Collection(BrowserCollection.Name)]
public sealed class TikTokLinkBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task LinkWithoutVideoPublish_SeesMissingScopeThenDisconnects()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-user-name]")).ToHaveTextAsync("Ada Lovelace");

        await page.GotoAsync("/accounts");
        await tab.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No TikTok account linked yet" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("tiktok-accounts-empty");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link a TikTok account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Midx wants to access your TikTok account" })).ToBeVisibleAsync();
        await page.Locator("#scope-video-publish").UncheckAsync();
        await tab.ScreenshotAsync("tiktok-consent-video-publish-unticked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("TikTok account linked. Some permissions were not granted; see below.");
        await tab.WaitForCircuitAsync();
        var account = page.Locator("[data-account]");
        await Assertions.Expect(account.Locator("[data-display-name]")).ToHaveTextAsync("Avery Stone");
        await Assertions.Expect(account.Locator("[data-username]")).ToHaveTextAsync("@avery.creates");
        Assert.True(await account.Locator("img[data-avatar]").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The avatar did not load.");
        await Assertions.Expect(account.Locator("[data-scope='video.publish']")).ToContainTextAsync("Direct Post is off");
        await Assertions.Expect(account.Locator("[data-scope='video.upload']")).ToContainTextAsync("Drafts");
        await Assertions.Expect(account.GetByRole(AriaRole.Button, new() { Name = "Reconnect with all permissions" })).ToBeVisibleAsync();
        await Assertions.Expect(account.Locator("[data-token-health]")).ToContainTextAsync("Active");
        await tab.ScreenshotAsync("tiktok-accounts-linked-missing-scope");

        await account.GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("revoked its access at TikTok");
        await Assertions.Expect(page.Locator("[data-accounts-empty]")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("tiktok-accounts-disconnected");
        Assert.Empty(tab.Errors);
    }

    public void Dispose() => _app.Dispose();
}
