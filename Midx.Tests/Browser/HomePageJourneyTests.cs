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
    public async Task HomePage_Visitor_SeesLandingBannerAndPolicyLinksWithoutHubConnectionOrErrors()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        var hubRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains(PublishHub.Path, StringComparison.Ordinal))
            {
                hubRequests.Add(request.Url);
            }
        };

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

        // A visitor has nothing live to follow and the hub refuses signed-out connections: no indicator, no attempt.
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveCountAsync(0);

        await tab.ScreenshotAsync("home-visitor");
        Assert.Empty(hubRequests);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task HomePage_SessionEndsWhileOpen_StopsReconnectingAndSaysToSignInAgain()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        IWebSocketRoute? socket = null;
        await page.RouteWebSocketAsync(new Regex(Regex.Escape(PublishHub.Path)), ws =>
        {
            ws.ConnectToServer();
            socket = ws;
        });
        var negotiations = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains(PublishHub.Path + "/negotiate", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref negotiations);
            }
        };
        await tab.SignInAsync("Grace Hopper");
        var live = page.Locator("[data-live-status]");
        await Assertions.Expect(live).ToHaveTextAsync("Live updates: on");
        var before = negotiations;

        // Signed out in another tab, then the connection drops (a restart, a network change): the reconnect is refused.
        await page.Context.ClearCookiesAsync();
        await socket!.CloseAsync(new() { Code = 1011, Reason = "dropped by the test" });

        await Assertions.Expect(live).ToHaveTextAsync("Live updates: off — sign in again to see new changes");
        await tab.ScreenshotAsync("home-session-ended");
        // Closed for good after the one refused attempt: a closed connection never tries again by itself.
        Assert.Equal("Disconnected", await page.EvaluateAsync<string>("() => window.midxLive.state"));
        Assert.Equal(before + 1, negotiations);
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
