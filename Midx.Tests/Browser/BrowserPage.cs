using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>A page in a fresh browser context that records console errors and failed requests for assertions.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        RecordErrors(page);
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught script errors seen so far (a CSP violation shows up here too).</summary>
    public List<string> Errors { get; } = [];

    public static async Task<BrowserPage> OpenAsync(BrowserFixture fixture, Uri baseAddress)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
        });
        return new BrowserPage(context, await context.NewPageAsync());
    }

    /// <summary>A tab signed in as Grace Hopper with the sandbox creator Avery Stone linked: where publishing journeys start.</summary>
    public static async Task<BrowserPage> OpenAsCreatorAsync(BrowserFixture browser, Uri address)
    {
        var tab = await OpenAsync(browser, address);
        await tab.SignInAsync("Grace Hopper");
        await tab.LinkTikTokAsync("Avery Stone");
        return tab;
    }

    /// <summary>A tab that carries the session an HTTP sign-in (<see cref="SignInFlow"/>) already holds.</summary>
    public static async Task<BrowserPage> OpenWithSessionAsync(BrowserFixture browser, Uri address, SignInFlow session)
    {
        var tab = await OpenAsync(browser, address);
        var cookie = session.SessionCookie ?? throw new InvalidOperationException("The session has ended.");
        await tab.Page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = address.ToString() }]);
        return tab;
    }

    /// <summary>Signs in through the sandbox Google chooser as one of its listed identities (e.g. "Grace Hopper").</summary>
    public async Task SignInAsync(string identity)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = identity }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-user-name]")).ToHaveTextAsync(identity);
        // Let the landing page's circuit connect, so a navigation right after does not cut its negotiation short.
        await WaitForCircuitAsync();
    }

    /// <summary>Waits until the page runs on its circuit, so its buttons answer clicks.</summary>
    public Task WaitForCircuitAsync() =>
        Assertions.Expect(Page.Locator("[data-circuit]")).ToHaveAttributeAsync("data-circuit", "on");

    /// <summary>Links a sandbox TikTok creator through Midx's accounts page and the sandbox consent page.</summary>
    public async Task LinkTikTokAsync(string creatorDisplayName)
    {
        await Page.GotoAsync("/accounts");
        // A click while the circuit takes over the prerendered page can land on a button that is being replaced.
        await WaitForCircuitAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Link (a|another) TikTok account$") }).First.ClickAsync();
        await Page.GetByLabel(creatorDisplayName).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-notice]")).ToHaveAttributeAsync("data-notice", "Linked");
        await WaitForCircuitAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>The page reloaded at 390 px, its circuit up and <paramref name="ready"/> shown, then back to 1280 px.</summary>
    public async Task ScreenshotAtPhoneWidthAsync(string name, string ready)
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.ReloadAsync();
        await WaitForCircuitAsync();
        await Assertions.Expect(Page.Locator(ready).First).ToBeVisibleAsync();
        await ScreenshotAsync(name);
        await Page.SetViewportSizeAsync(1280, 800);
        await Page.ReloadAsync();
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// The page this tab shows, opened afresh in another tab of the same session at 1280 and at 390 px (saved as
    /// <paramref name="name"/>-1280 and -390), each with its circuit up, <paramref name="ready"/> shown and its videos'
    /// first frames loaded. This tab is left as it is: its document, its circuit and what it showed live.
    /// </summary>
    public async Task ScreenshotsInNewTabAsync(string name, string ready)
    {
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            var copy = await _context.NewPageAsync();
            RecordErrors(copy);
            try
            {
                await copy.SetViewportSizeAsync(width, height);
                await copy.GotoAsync(Page.Url);
                await Assertions.Expect(copy.Locator("[data-circuit]")).ToHaveAttributeAsync("data-circuit", "on");
                await Assertions.Expect(copy.Locator(ready).First).ToBeVisibleAsync();
                await copy.WaitForFunctionAsync("() => [...document.querySelectorAll('video')].every(v => v.readyState >= 2)");
                await copy.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true,
                });
            }
            finally
            {
                await copy.CloseAsync();
            }
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void RecordErrors(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
    }
}
