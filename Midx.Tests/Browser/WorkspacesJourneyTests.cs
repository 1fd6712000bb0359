using Microsoft.Playwright;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WorkspacesJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task SharedWorkspace_CreateInviteAndAcceptInAnotherBrowser_BothSeeEachOtherAsMembers()
    {
        await using var owner = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = owner.Page;
        await owner.SignInAsync("Grace Hopper");

        await page.GotoAsync("/workspaces/new");
        await owner.WaitForCircuitAsync();
        await page.GetByLabel("Workspace name").FillAsync("Harbour Films");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create workspace" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Harbour Films", Level = 1 })).ToBeVisibleAsync();
        await owner.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-workspace-role]")).ToContainTextAsync("you are Owner");

        await page.GetByLabel("Email address of their Google account").FillAsync("alan@sandbox.midx.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var invited = page.Locator("[data-invite-link]");
        await Assertions.Expect(invited).ToContainTextAsync("Send this link to alan@sandbox.midx.test — it works once, for that Google account, until");
        await Assertions.Expect(page.Locator("[data-invitation-email]")).ToHaveTextAsync("alan@sandbox.midx.test");
        var link = await page.Locator("input[data-invite-url]").InputValueAsync();
        Assert.StartsWith(_app.ServerAddress + "invitations/", link);
        await owner.ScreenshotAsync("workspace-invited-1280");

        await using var guest = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await guest.Page.GotoAsync(link);
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" }).ClickAsync();
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Alan Turing" }).ClickAsync();
        await Assertions.Expect(guest.Page.GetByRole(AriaRole.Heading, new() { Name = "Join Harbour Films" })).ToBeVisibleAsync();
        await Assertions.Expect(guest.Page.Locator("[data-invitation-summary]")).ToContainTextAsync("Grace Hopper invited you to join Harbour Films as Editor");
        await guest.WaitForCircuitAsync();
        await guest.ScreenshotAsync("invitation-open-1280");
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Accept and join Harbour Films" }).ClickAsync();
        await guest.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/history\\?workspace="));
        await guest.WaitForCircuitAsync();
        await Assertions.Expect(guest.Page.Locator("[data-workspace-switcher] .midx-workspace-name")).ToHaveTextAsync("Harbour Films");
        await guest.Page.Locator("[data-workspace-switcher]").ClickAsync();
        await Assertions.Expect(guest.Page.Locator("[data-workspace-option]")).ToHaveCountAsync(2);
        await Assertions.Expect(guest.Page.Locator(".mud-popover:has([data-workspace-option])")).ToHaveCSSAsync("opacity", "1");
        await guest.ScreenshotAsync("workspace-switcher-1280");
        await guest.Page.Locator("[data-workspace-option]").First.ClickAsync();
        await guest.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/history$"));
        await guest.WaitForCircuitAsync();
        await Assertions.Expect(guest.Page.Locator("[data-workspace-switcher] .midx-workspace-name")).ToHaveTextAsync("Personal");
        await guest.Page.SetViewportSizeAsync(390, 844);
        await guest.Page.Locator("[data-workspace-switcher]").ClickAsync();
        await Assertions.Expect(guest.Page.Locator("[data-workspace-option]")).ToHaveCountAsync(2);
        await Assertions.Expect(guest.Page.Locator(".mud-popover:has([data-workspace-option])")).ToHaveCSSAsync("opacity", "1");
        await guest.ScreenshotAsync("workspace-switcher-390");
        await guest.Page.SetViewportSizeAsync(1280, 800);

        await guest.Page.GotoAsync(link);
        await Assertions.Expect(guest.Page.Locator("[data-invitation-message]")).ToHaveTextAsync(
            "This invitation has already been used. Each link works once; ask for a new one if you need it.");

        await page.ReloadAsync();
        await owner.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-member-name]")).ToHaveTextAsync(["Grace Hopper (you)", "Alan Turing"]);
        await Assertions.Expect(page.Locator("[data-pending-invitations]")).ToContainTextAsync("No invitation is waiting to be accepted.");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "workspace-members-1280.png") });
        await owner.ScreenshotAtPhoneWidthAsync("workspace-members-390", "[data-members-table]");
        Assert.True(owner.Errors.Count == 0, string.Join("\n", owner.Errors));
        Assert.True(guest.Errors.Count == 0, string.Join("\n", guest.Errors));
    }

    public void Dispose() => _app.Dispose();
}
