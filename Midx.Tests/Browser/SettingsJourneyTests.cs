using System.Text.Json;
using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SettingsJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Settings_DownloadExportThenDeleteAccount_SigningInAgainStartsEmpty()
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await tab.SignInAsync("Grace Hopper");
        await tab.LinkTikTokAsync("Avery Stone");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-profile-email]")).ToHaveTextAsync("grace@sandbox.midx.test");
        await Assertions.Expect(page.GetByText("@avery.creates")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("settings");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        Assert.StartsWith("midx-my-data-", download.SuggestedFilename);
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            Assert.Equal("Grace Hopper", export.RootElement.GetProperty("profile").GetProperty("name").GetString());
            Assert.Equal("avery.creates", export.RootElement.GetProperty("tikTokAccounts")[0].GetProperty("username").GetString());
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete my account…" }).ClickAsync();
        await page.GetByLabel("Type your email address").FillAsync("not-me@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account permanently" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That is not the email address of this account. Nothing was deleted.")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("settings-delete-confirm");

        await page.GetByLabel("Type your email address").FillAsync("grace@sandbox.midx.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account permanently" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your Midx account has been deleted" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

        await tab.SignInAsync("Grace Hopper");
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.GetByText("No TikTok account is linked.")).ToBeVisibleAsync();
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    public void Dispose() => _app.Dispose();
}
