using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PolicyPagesJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task PolicyPages_FromFooter_EachOpensAndReads()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.GotoAsync("/");
        // A link clicked while the circuit takes over the prerendered page can be lost (a CI flake).
        await tab.WaitForCircuitAsync();

        foreach (var (link, heading, screenshot) in new[]
        {
            ("Privacy", "Privacy policy", "policy-privacy"),
            ("Terms", "Terms of service", "policy-terms"),
            ("Data deletion", "Deleting your data", "policy-data-deletion"),
        })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Policies" }).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await tab.ScreenshotAsync(screenshot);
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_app.ServerAddress, "/data-deletion").ToString());
        Assert.Empty(tab.Errors);
    }

    public void Dispose() => _app.Dispose();
}
