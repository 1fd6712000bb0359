using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.App.Accounts;
using Midx.Tests.Browser;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

/// <summary>A circuit makes no requests, so the session rules that hold for every request must hold for it too.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitSessionTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task OpenCircuit_UserDisabled_LeavesTheSignedInPageWithinTheRevalidationInterval()
    {
        await using var tab = await OpenSettingsAsync();
        var page = tab.Page;
        await Assertions.Expect(page.Locator("[data-profile-email]")).ToHaveTextAsync("grace@sandbox.midx.test");
        var user = await _app.UserByEmailAsync("grace@sandbox.midx.test");

        await _app.UpdateUserAsync(user.Id, u => u.IsDisabled = true);

        // Nothing but the circuit is running: no reload, no click. The revalidation ends the signed-in view by itself.
        var allowed = CircuitSessionRevalidation.Interval + TimeSpan.FromSeconds(15);
        await page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal), new() { Timeout = (float)allowed.TotalMilliseconds });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == SignInFlow.SessionCookieName);
    }

    [Fact]
    public async Task SessionScript_ClickAfterAPause_AsksTheServerOnceAndAnIdleTabNever()
    {
        await using var tab = await OpenSettingsAsync();
        var page = tab.Page;
        var renewals = 0;
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == AccountEndpoints.SessionPath)
            {
                Interlocked.Increment(ref renewals);
            }
        };
        // The page's own keep-alive waits SessionKeepAlive.Every between renewals; the same script with a short pause
        // shows the rule without waiting minutes.
        await page.EvaluateAsync("async path => (await import('/js/session.js')).keepAlive(path, 300)", AccountEndpoints.SessionPath);
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 });

        await heading.ClickAsync();
        Assert.Equal(0, renewals);
        await page.WaitForTimeoutAsync(600);
        Assert.Equal(0, renewals);

        await page.RunAndWaitForRequestAsync(() => heading.ClickAsync(), request => request.Url.EndsWith(AccountEndpoints.SessionPath, StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Tab");
        await heading.ClickAsync();
        Assert.Equal(1, renewals);
    }

    [Fact]
    public void BlazorHub_ClosesTheCircuitWhenItsSignInExpires()
    {
        _ = _app.ServerAddress;
        var hub = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/_blazor", StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.GetMetadata<HttpConnectionDispatcherOptions>())
            .OfType<HttpConnectionDispatcherOptions>()
            .ToList();

        Assert.NotEmpty(hub);
        Assert.All(hub, options => Assert.True(options.CloseOnAuthenticationExpiration));
    }

    /// <summary>Grace, signed in, on her settings page once it runs on its circuit.</summary>
    private async Task<BrowserPage> OpenSettingsAsync()
    {
        var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await tab.SignInAsync("Grace Hopper");
        await tab.Page.GotoAsync("/settings");
        await tab.WaitForCircuitAsync();
        return tab;
    }

    public void Dispose() => _app.Dispose();
}
