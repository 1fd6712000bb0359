using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task SignIn_ThroughSandboxGoogle_ShowsNameAndAvatarThenSignOutClosesSession()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        await page.GotoAsync("/signin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Midx" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("signin-visitor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose an account" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("sandbox-google-chooser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ada Lovelace" }).ClickAsync();

        var user = page.Locator(".midx-user");
        await Assertions.Expect(user.Locator("[data-user-name]")).ToHaveTextAsync("Ada Lovelace");
        var avatar = user.Locator("img");
        await Assertions.Expect(avatar).ToBeVisibleAsync();
        Assert.True(await avatar.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The avatar did not load.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("signed-in-header");

        await user.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-user-name]")).ToHaveCountAsync(0);
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == SignInFlow.SessionCookieName);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task SignIn_DenyOnSandboxGoogle_ShowsErrorPageThatOffersToTryAgain()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("didn't give Midx access");
        await tab.ScreenshotAsync("signin-denied");
        await page.Locator("[data-signin-error]").GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" })).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    public void Dispose() => _app.Dispose();
}
