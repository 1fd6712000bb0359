using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Midx.App.Workspaces;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// A team in four browsers with the real publish worker and the sandbox TikTok: the Owner creates a workspace and links
/// its TikTok account, an Editor composes and sends a post there, a Viewer watches it reach Posted live and can do
/// nothing else, and a stranger sees nothing of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new(MidxAppFactory.QuickWorker());

    [Fact]
    public async Task SharedWorkspace_EditorPosts_ViewerWatchesItReachPostedLive_StrangerSeesNothing()
    {
        await using var owner = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await owner.SignInAsync("Grace Hopper");
        await owner.Page.GotoAsync("/workspaces/new");
        await owner.WaitForCircuitAsync();
        await owner.Page.GetByLabel("Workspace name").FillAsync("Harbour Films");
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Create workspace" }).ClickAsync();
        await Assertions.Expect(owner.Page.GetByRole(AriaRole.Heading, new() { Name = "Harbour Films", Level = 1 })).ToBeVisibleAsync();
        await owner.LinkTikTokAsync("Avery Stone");
        var studio = await _app.QueryAsync(db => db.Workspaces.Where(w => w.Name == "Harbour Films").Select(w => w.Id).SingleAsync());
        Assert.Equal(studio, await _app.QueryAsync(db => db.TikTokAccounts.Select(a => a.WorkspaceId).SingleAsync()));

        await using var editor = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await editor.SignInAsync("Alan Turing");
        // Neither the Viewer nor the stranger is an admin (who would see every post in the console anyway).
        await using var viewer = await BrowserPage.OpenWithSessionAsync(browser, _app.ServerAddress, await _app.SignInFlowAsync("vic@sandbox.midx.test", "Vic Viewer"));
        await using var stranger = await BrowserPage.OpenWithSessionAsync(browser, _app.ServerAddress, await _app.SignInFlowAsync("kat@sandbox.midx.test", "Katherine Johnson"));
        await _app.JoinWorkspaceAsync(studio, "Alan Turing", WorkspaceRole.Editor);
        await _app.JoinWorkspaceAsync(studio, "Vic Viewer", WorkspaceRole.Viewer);

        await viewer.Page.GotoAsync(WorkspaceEndpoints.OpenUrl(studio, "/history"));
        await viewer.WaitForCircuitAsync();
        await Assertions.Expect(viewer.Page.Locator("[data-workspace-switcher] .midx-workspace-name")).ToHaveTextAsync("Harbour Films");

        await editor.Page.GotoAsync(WorkspaceEndpoints.OpenUrl(studio, "/compose"));
        await editor.WaitForCircuitAsync();
        await editor.Page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").SetInputFilesAsync(VideoFixtures.PathOf(VideoFixtures.Mp4TwoSeconds));
        await Assertions.Expect(editor.Page.Locator("[data-upload-summary]")).ToContainTextAsync("two-seconds.mp4");
        await editor.Page.GetByLabel("Title and caption").FillAsync("Harbour Films teaser #team");
        await editor.Page.GetByLabel("Who can see this video").SelectOptionAsync("PUBLIC_TO_EVERYONE");
        await editor.Page.Locator("button[data-publish]").ClickAsync();
        await editor.Page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}"), new() { WaitUntil = WaitUntilState.Commit });
        var jobPath = new Uri(editor.Page.Url).AbsolutePath;

        var row = viewer.Page.Locator("[data-job-id]").First;
        await Assertions.Expect(row).ToContainTextAsync("Harbour Films teaser", new() { Timeout = 20_000 });
        await Assertions.Expect(row.Locator("[data-job-badge]")).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("[data-job-action]")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "New post" })).ToHaveCountAsync(0);
        await viewer.ScreenshotAsync("team-viewer-history-1280");

        await viewer.Page.GotoAsync(jobPath);
        await viewer.WaitForCircuitAsync();
        await Assertions.Expect(viewer.Page.Locator("[data-consent-given-by]")).ToContainTextAsync("Alan Turing pressed the button");
        await Assertions.Expect(viewer.Page.Locator("[data-job-action]")).ToHaveCountAsync(0);
        await viewer.Page.GotoAsync("/compose");
        await Assertions.Expect(viewer.Page.Locator("[data-compose-not-allowed]")).ToContainTextAsync("As a Viewer of Harbour Films");

        var strangers = await stranger.Page.GotoAsync(jobPath);
        Assert.Equal(404, strangers!.Status);
        await stranger.Page.GotoAsync("/history");
        await Assertions.Expect(stranger.Page.Locator("main")).Not.ToContainTextAsync("Harbour Films teaser");

        foreach (var tab in new[] { owner, editor, viewer })
        {
            Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
        }

        // The stranger's only complaint is the 404 of the post they may not see.
        Assert.All(stranger.Errors, e => Assert.Contains("404", e));
    }

    public void Dispose() => _app.Dispose();
}
