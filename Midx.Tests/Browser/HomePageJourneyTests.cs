using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Midx.App.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HomePageJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task HomePage_Visitor_SeesLandingBannerAndPolicyLinksWithoutLiveIndicatorOrErrors()
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

        // A visitor has nothing live to follow: no indicator.
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveCountAsync(0);

        await tab.ScreenshotAsync("home-visitor");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Layout_NarrowScreenSignedIn_OpensTheDrawerFromTheMenuButton()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("home-visitor-mobile");

        await tab.SignInAsync("Grace Hopper");
        await tab.WaitForCircuitAsync();
        var drawer = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show navigation" });
        // The drawer starts open for wide screens; on a phone it folds away as soon as it knows the screen's width.
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator(".mud-drawer nav[aria-label=Main]")).ToHaveCountAsync(1);
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("home-drawer-mobile");
        await drawer.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TikTok accounts", Level = 1 })).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page is wider than a phone screen.");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    [Fact]
    public async Task Layout_DarkThemeChosen_IsRememberedAcrossPagesAndReloads()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForCircuitAsync();
        var background = () => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var light = await background();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to the dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to the light theme" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("light => getComputedStyle(document.body).backgroundColor !== light", light);

        // Plain-HTTP pages (sign-in) and a fresh load are rendered dark by the server, from the first byte.
        await page.GotoAsync("/signin");
        Assert.NotEqual(light, await background());
        await page.GotoAsync("/privacy");
        await tab.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to the light theme" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("privacy-dark");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to the light theme" }).ClickAsync();
        await page.WaitForFunctionAsync("light => getComputedStyle(document.body).backgroundColor === light", light);
        await page.ReloadAsync();
        Assert.Equal(light, await background());
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    public void Dispose() => _app.Dispose();
}
