using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.Core.Publishing;
using Midx.Tests.Browser;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>The console in Chromium with a month of seeded activity: every page renders cleanly, the live feed updates without reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminConsoleJourneyTests(BrowserFixture browser, AdminConsoleFixture console) : IClassFixture<AdminConsoleFixture>
{
    private readonly AdminConsoleFixture _console = console;

    [Fact]
    public async Task Console_AdminWalksEveryPage_SeesSeededDataWithoutScriptErrors()
    {
        await using var tab = await BrowserPage.OpenWithSessionAsync(browser, _console.App.ServerAddress, _console.Admin);
        var page = tab.Page;

        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-admin-chart] svg")).ToBeVisibleAsync();
        // The four seeded workers of instance web-1; this app's own TokenRefresher may already have reported too.
        await Assertions.Expect(page.Locator("[data-worker]").Filter(new() { HasText = "web-1" })).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        await tab.ScreenshotAsync("admin-overview");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await tab.WaitForCircuitAsync();
        await tab.ScreenshotAsync("admin-overview-390");
        // Back at full width, loaded afresh: the drawer's layout settles before the next click.
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await tab.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin console" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-user-row]")).Not.ToHaveCountAsync(0);
        await tab.ScreenshotAsync("admin-users");
        await tab.ScreenshotAtPhoneWidthAsync("admin-users-390", "[data-user-row]");

        await page.GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-user-name]").Last).ToHaveTextAsync("Grace Hopper");
        await Assertions.Expect(page.Locator("[data-account]")).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("admin-user");
        await tab.ScreenshotAtPhoneWidthAsync("admin-user-390", "[data-account]");

        await page.GotoAsync("/admin/uploads");
        await Assertions.Expect(page.Locator("[data-upload-row]")).ToHaveCountAsync(50);
        await tab.ScreenshotAsync("admin-uploads");
        await tab.ScreenshotAtPhoneWidthAsync("admin-uploads-390", "[data-upload-row]");

        await page.GotoAsync($"/admin/uploads/{_console.Seed.FailedJobId}");
        await Assertions.Expect(page.Locator("[data-timeline] li")).ToHaveCountAsync(5);
        await tab.ScreenshotAsync("admin-upload-failed");
        await tab.ScreenshotAtPhoneWidthAsync("admin-upload-failed-390", "[data-timeline] li");

        await page.GotoAsync("/admin/failures");
        await Assertions.Expect(page.Locator("[data-failure-code='spam_risk_text']")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("admin-failures");
        await tab.ScreenshotAtPhoneWidthAsync("admin-failures-390", "[data-failure-code='spam_risk_text']");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin console" }).GetByRole(AriaRole.Link, new() { Name = "Tokens" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-token-row]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-token-row]").Filter(new() { HasText = "apollo.margaret" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("admin-tokens");
        await tab.ScreenshotAtPhoneWidthAsync("admin-tokens-390", "[data-token-row]");

        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("[data-audit-row]")).Not.ToHaveCountAsync(0);
        await tab.ScreenshotAsync("admin-audit");
        await tab.ScreenshotAtPhoneWidthAsync("admin-audit-390", "[data-audit-row]");

        await page.GotoAsync("/admin/security");
        await tab.WaitForCircuitAsync();
        await page.Locator("[data-revoke-open]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-revoke-dialog]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-revoke-submit]")).ToBeDisabledAsync();
        await tab.ScreenshotAsync("admin-security-revoke");
        await page.SetViewportSizeAsync(390, 844);
        await tab.ScreenshotAsync("admin-security-revoke-390");
        await page.SetViewportSizeAsync(1280, 800);

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Workspaces_AdminOpensTheListThenAWorkspace_SeesSharedOnesFirstAndTheirMembersAtBothWidths()
    {
        await using var tab = await BrowserPage.OpenWithSessionAsync(browser, _console.App.ServerAddress, _console.Admin);
        var page = tab.Page;

        await page.GotoAsync("/admin");
        await tab.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin console" }).GetByRole(AriaRole.Link, new() { Name = "Workspaces" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workspaces", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-workspace-row]")).ToHaveCountAsync(2);
        await tab.ScreenshotAsync("admin-workspaces");
        await tab.ScreenshotAtPhoneWidthAsync("admin-workspaces-390", "[data-workspace-row]");

        await page.GetByRole(AriaRole.Link, new() { Name = "Orbit Studio" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-workspace-name]")).ToHaveTextAsync("Orbit Studio");
        await Assertions.Expect(page.Locator("[data-member-role]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-invitation]")).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("admin-workspace");
        await tab.ScreenshotAtPhoneWidthAsync("admin-workspace-390", "[data-member-role]");

        await page.GotoAsync($"/admin/users/{_console.Seed.GraceId}");
        await Assertions.Expect(page.Locator("[data-user-workspace]")).ToHaveCountAsync(3);
        await tab.ScreenshotAtPhoneWidthAsync("admin-user-workspaces-390", "[data-user-workspace]");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task LiveFeed_JobChangeSentToAdmins_AppearsWithoutReloadWhileCreatorGets403()
    {
        await using var admin = await BrowserPage.OpenWithSessionAsync(browser, _console.App.ServerAddress, _console.Admin);
        await using var creator = await BrowserPage.OpenWithSessionAsync(browser, _console.App.ServerAddress, _console.Creator);
        await admin.Page.GotoAsync("/admin");
        await Assertions.Expect(admin.Page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        var denied = await creator.Page.GotoAsync("/admin");
        await Assertions.Expect(creator.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("isn't open to your account");
        Assert.Equal(403, denied!.Status);

        // Through the real path: the in-process bus, LiveJobForwarder, the admin circuit's LiveJobFeed, the overview.
        var bus = _console.App.Services.GetRequiredService<JobUpdateBus>();
        var jobId = Guid.NewGuid();
        await bus.PublishAsync(Update(jobId, JobState.Uploading, "Sending the video to TikTok (40%)."), CancellationToken.None);

        var item = admin.Page.Locator($"[data-admin-feed] li[data-job-id='{jobId}']").First;
        await Assertions.Expect(item).ToContainTextAsync("Sending the video to TikTok");
        await Assertions.Expect(item.Locator("[data-job-badge]")).ToHaveAttributeAsync("data-state", "Uploading");
        await Assertions.Expect(admin.Page.Locator("[data-admin-feed] li").First).ToHaveAttributeAsync("data-job-id", jobId.ToString());

        await bus.PublishAsync(Update(jobId, JobState.Published, "Published on TikTok."), CancellationToken.None);
        var newest = admin.Page.Locator("[data-admin-feed] li").First;
        await Assertions.Expect(newest.Locator("[data-job-badge]")).ToHaveAttributeAsync("data-state", "Published");
        await Assertions.Expect(newest.Locator("[data-job-badge]")).ToHaveTextAsync(JobStateMachine.Label(JobState.Published));
        await admin.ScreenshotAsync("admin-overview-live-feed");
        Assert.Empty(admin.Errors);
    }

    private static JobUpdate Update(Guid jobId, JobState state, string message) => new(
        jobId, Guid.NewGuid(), state, JobStateMachine.Label(state), JobStateMachine.IsTerminal(state), null, 0, 1000, message, null, null,
        null, DateTime.UtcNow);
}
