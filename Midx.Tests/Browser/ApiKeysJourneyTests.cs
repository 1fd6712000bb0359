using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Midx.App.Workspaces;
using Midx.Core.Api;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApiKeysJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task WorkspacePage_OwnerCreatesAKey_SeesItWholeOnceThenOnlyItsPrefix(int width)
    {
        await using var owner = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = owner.Page;
        await page.SetViewportSizeAsync(width, 900);
        await owner.SignInAsync("Grace Hopper");
        await page.Locator("[data-workspace-switcher]").ClickAsync();
        await page.Locator("[data-workspace-members]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 2 })).ToBeVisibleAsync();
        await owner.WaitForCircuitAsync();

        await page.GetByLabel("Key name").FillAsync("Shop sync");
        await Assertions.Expect(page.GetByLabel("read", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var secret = page.Locator("[data-api-key-secret]");
        await Assertions.Expect(secret).ToHaveTextAsync(new Regex("^midx_[0-9a-z]{8}_[0-9a-z]{32}$"));
        var key = (await secret.TextContentAsync())!;
        var shown = ApiKeysList.Shown(ApiKeySecret.PrefixOf(key)!);
        await Assertions.Expect(page.Locator("[data-api-key-issued]")).ToContainTextAsync("Midx shows it only this once.");
        await Assertions.Expect(page.Locator("[data-api-key-prefix]")).ToHaveTextAsync(shown);
        await Assertions.Expect(page.Locator("[data-api-key-state]")).ToHaveTextAsync(ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Active));
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await owner.ScreenshotAsync($"api-keys-{width}");

        await page.ReloadAsync();
        await owner.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-api-key-prefix]")).ToHaveTextAsync(shown);
        await Assertions.Expect(page.Locator("[data-api-key-issued]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.ContentAsync());
        Assert.True(owner.Errors.Count == 0, string.Join("\n", owner.Errors));
    }

    public void Dispose() => _app.Dispose();
}
