using Microsoft.Playwright;

namespace Midx.Tests.Browser;

/// <summary>A page in a fresh browser context that records console errors and failed requests for assertions.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
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

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
