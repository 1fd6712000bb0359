using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HomePageJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task HomePage_Visitor_SeesLandingBannerAndPolicyLinksWithLiveConnectionAndNoErrors()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sandbox" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Post to TikTok");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Google" })).ToBeVisibleAsync();
        var policies = page.GetByRole(AriaRole.Navigation, new() { Name = "Policies" });
        foreach (var name in new[] { "Privacy", "Terms", "Data deletion" })
        {
            await Assertions.Expect(policies.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        }

        // The footer indicator turns "on" only after the SignalR client has completed its handshake with the hub.
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Live updates: on");

        await tab.ScreenshotAsync("home-visitor");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task HomePage_NarrowScreen_CollapsesNavigationBehindToggle()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show navigation" });
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#midx-nav")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        // Bootstrap marks the menu "show" once its opening transition has finished.
        await Assertions.Expect(page.Locator("#midx-nav.show")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page is wider than a phone screen.");

        await tab.ScreenshotAsync("home-visitor-mobile");
        Assert.Empty(tab.Errors);
    }

    public void Dispose() => _app.Dispose();
}
