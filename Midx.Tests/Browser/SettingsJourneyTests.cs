using System.Text.Json;
using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SettingsJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task AccountLife_LinkDisconnectExportAndDelete_ThroughDialogsEndsSignedOutAndSigningInAgainStartsEmpty(int width)
    {
        await using var tab = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = tab.Page;
        await page.SetViewportSizeAsync(width, 900);
        await tab.SignInAsync("Grace Hopper");
        await tab.LinkTikTokAsync("Avery Stone");

        // Disconnect: the dialog says what happens, and "Keep it linked" changes nothing.
        var account = page.Locator("[data-account]");
        await account.GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Midx revokes its access to @avery.creates at TikTok");
        await Assertions.Expect(dialog).ToContainTextAsync("Your post history is kept.");
        await tab.ScreenshotAsync($"accounts-disconnect-dialog-{width}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it linked" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(account).ToHaveCountAsync(1);

        await account.GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect @avery.creates" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-notice]")).ToHaveAttributeAsync("data-notice", "Disconnected");
        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("Midx revoked its access at TikTok and deleted its tokens.");
        await Assertions.Expect(page.Locator("[data-accounts-empty]")).ToBeVisibleAsync();
        await tab.ScreenshotAsync($"accounts-disconnected-{width}");

        await tab.LinkTikTokAsync("Avery Stone");
        await page.GotoAsync("/settings");
        await tab.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-profile-email]")).ToHaveTextAsync("grace@sandbox.midx.test");
        await Assertions.Expect(page.GetByText("@avery.creates")).ToBeVisibleAsync();
        await tab.ScreenshotAsync($"settings-{width}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).First.ClickAsync());
        Assert.StartsWith("midx-my-data-", download.SuggestedFilename);
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            Assert.Equal("Grace Hopper", export.RootElement.GetProperty("profile").GetProperty("name").GetString());
            Assert.Equal("avery.creates", export.RootElement.GetProperty("tikTokAccounts")[0].GetProperty("username").GetString());
        }

        // Delete: the button waits for the account's own email address, then the account goes and the person is signed out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account…" }).ClickAsync();
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete my account permanently" });
        await page.GetByLabel("Type your email address").FillAsync("not-me@example.test");
        await Assertions.Expect(delete).ToBeDisabledAsync();
        await page.GetByLabel("Type your email address").FillAsync(" Grace@Sandbox.Midx.Test ");
        await Assertions.Expect(delete).ToBeEnabledAsync();
        await tab.ScreenshotAsync($"settings-delete-dialog-{width}");
        await delete.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your Midx account has been deleted" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == SignInFlow.SessionCookieName);
        await tab.ScreenshotAsync($"account-deleted-{width}");

        await tab.SignInAsync("Grace Hopper");
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.GetByText("No TikTok account is linked.")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page is wider than the screen.");
        Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
    }

    public void Dispose() => _app.Dispose();
}
