using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Midx.App.Workspaces;
using Midx.Core.Workspaces;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// Review before send in five browsers with the real publish worker and the sandbox TikTok: the Owner asks for approval
/// and invites an Editor and a Publisher; the Editor's post waits for review, the Publisher sends it back with a comment
/// the Editor sees live, the Editor edits it, the Publisher approves the new version and watches it reach Posted live;
/// a Viewer follows it all and can change nothing, and a stranger sees nothing of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewJourneyTests(BrowserFixture browser) : IDisposable
{
    private const string Comment = "Please name the harbour in the caption, so people know where it is.";

    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 20_000 };

    private readonly MidxAppFactory _app = new(MidxAppFactory.QuickWorker());

    [Fact]
    public async Task PostsNeedApproval_EditorSendsForReview_PublisherSendsBackThenApprovesEditedPost_ItReachesPostedLive()
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

        await owner.Page.GotoAsync(WorkspacePage.Url(studio));
        await owner.WaitForCircuitAsync();
        var postsNeedApproval = owner.Page.GetByRole(AriaRole.Switch, new() { Name = "Posts need approval" });
        await postsNeedApproval.CheckAsync();
        await Assertions.Expect(owner.Page.Locator("a[data-review-link]")).ToHaveCountAsync(0);
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        // Saving opens the page afresh (at the same address): the drawer now offers the Owner the review queue, and the
        // switch reads what was stored.
        await Assertions.Expect(owner.Page.Locator("a[data-review-link]")).ToBeVisibleAsync();
        await owner.WaitForCircuitAsync();
        await Assertions.Expect(postsNeedApproval).ToBeCheckedAsync();

        var editorLink = await InviteAsync(owner, "alan@sandbox.midx.test", WorkspaceRole.Editor);
        var publisherLink = await InviteAsync(owner, "margaret@sandbox.midx.test", WorkspaceRole.Publisher);

        // Both accept through the invitation page: the Editor signs in from the link on the sandbox Google chooser, the
        // Publisher (not one of the chooser's listed identities) opens it already signed in.
        await using var editor = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        await editor.Page.GotoAsync(editorLink);
        await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Google" }).ClickAsync();
        await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Alan Turing" }).ClickAsync();
        await AcceptAsync(editor, "Editor");
        await using var publisher = await BrowserPage.OpenWithSessionAsync(browser, _app.ServerAddress, await _app.SignInFlowAsync("margaret@sandbox.midx.test", "Margaret Hamilton"));
        await publisher.Page.GotoAsync(publisherLink);
        await AcceptAsync(publisher, "Publisher");

        // Neither the Viewer nor the stranger is an admin (who would see every post in the console anyway).
        await using var viewer = await BrowserPage.OpenWithSessionAsync(browser, _app.ServerAddress, await _app.SignInFlowAsync("vic@sandbox.midx.test", "Vic Viewer"));
        await using var stranger = await BrowserPage.OpenWithSessionAsync(browser, _app.ServerAddress, await _app.SignInFlowAsync("kat@sandbox.midx.test", "Katherine Johnson"));
        await _app.JoinWorkspaceAsync(studio, "Vic Viewer", WorkspaceRole.Viewer);

        var reviewLink = publisher.Page.Locator("a[data-review-link]");
        await Assertions.Expect(reviewLink).ToBeVisibleAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-review-count]")).ToHaveCountAsync(0);
        await MarkDocumentAsync(publisher);

        await editor.Page.GotoAsync(WorkspaceEndpoints.OpenUrl(studio, "/compose"));
        await editor.WaitForCircuitAsync();
        await editor.Page.GetByLabel("Video file (MP4, MOV or WebM, up to 4 GB)").SetInputFilesAsync(VideoFixtures.PathOf(VideoFixtures.Mp4TwoSeconds));
        await Assertions.Expect(editor.Page.Locator("[data-upload-summary]")).ToContainTextAsync("two-seconds.mp4");
        await editor.Page.GetByLabel("Title and caption").FillAsync("Harbour Films teaser #team");
        await editor.Page.GetByLabel("Who can see this video").SelectOptionAsync("PUBLIC_TO_EVERYONE");
        var send = editor.Page.Locator("button[data-publish]");
        await Assertions.Expect(send).ToHaveTextAsync("Send for review");
        await send.ClickAsync();
        await editor.Page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}"), new() { WaitUntil = WaitUntilState.Commit });
        var jobPath = new Uri(editor.Page.Url).AbsolutePath;
        await editor.WaitForCircuitAsync();
        await Assertions.Expect(editor.Page.Locator("[data-job-badge]")).ToHaveTextAsync("Awaiting review");
        await Assertions.Expect(editor.Page.Locator("[data-review-panel]")).ToHaveCountAsync(0);

        await Assertions.Expect(publisher.Page.Locator("[data-review-count]")).ToHaveTextAsync("1", Live);
        await AssertSameDocumentAsync(publisher);
        await reviewLink.ClickAsync();
        var entry = publisher.Page.Locator("[data-review-entry]");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToContainTextAsync("Harbour Films teaser #team");
        await Assertions.Expect(entry).ToContainTextAsync("by Alan Turing");
        await publisher.ScreenshotsInNewTabAsync("review-queue", "[data-review-entry]");

        await entry.Locator("[data-review-open]").ClickAsync();
        await publisher.Page.WaitForURLAsync("**" + jobPath);
        var panel = publisher.Page.Locator("[data-review-panel]");
        await Assertions.Expect(panel.Locator("[data-review-creator]")).ToContainTextAsync("What TikTok says about Avery Stone now");
        await Assertions.Expect(panel.Locator("video")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-review-composer]")).ToContainTextAsync("Alan Turing sent it for review");
        await publisher.ScreenshotsInNewTabAsync("review-panel", "[data-review-creator]");

        await MarkDocumentAsync(editor);
        await publisher.Page.GetByLabel("What should change?").FillAsync(Comment);
        await publisher.Page.Locator("[data-review-send-back]").ClickAsync();
        await Assertions.Expect(publisher.Page.Locator("[data-job-badge]")).ToHaveTextAsync("Sent back for changes");
        await Assertions.Expect(publisher.Page.Locator("[data-review-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(publisher.Page.Locator("[data-review-count]")).ToHaveCountAsync(0);

        await Assertions.Expect(editor.Page.Locator("[data-review-comment-shown]")).ToContainTextAsync(Comment, new() { Timeout = 20_000 });
        await Assertions.Expect(editor.Page.Locator("[data-job-badge]")).ToHaveTextAsync("Sent back for changes");
        await AssertSameDocumentAsync(editor);
        await editor.ScreenshotsInNewTabAsync("review-sent-back", "[data-review-comment-shown]");

        await editor.Page.Locator("[data-job-action=edit]").ClickAsync();
        await editor.Page.WaitForURLAsync(new Regex("/compose\\?edit="));
        await editor.WaitForCircuitAsync();
        await Assertions.Expect(editor.Page.Locator("[data-kept-video-name]")).ToContainTextAsync("two-seconds.mp4");
        await Assertions.Expect(send).ToHaveTextAsync("Save and send for review");
        await editor.ScreenshotsInNewTabAsync("review-edit", "[data-kept-video]");
        await editor.Page.GetByLabel("Title and caption").FillAsync("Harbour Films teaser at Nyhavn #team");
        await send.ClickAsync();
        await editor.Page.WaitForURLAsync(new Regex(Regex.Escape(jobPath) + "\\?notice="));
        await Assertions.Expect(editor.Page.Locator("[data-job-badge]")).ToHaveTextAsync("Awaiting review");

        // The Publisher finds the new version as the drawer announces it, and reads it afresh from the queue.
        await Assertions.Expect(publisher.Page.Locator("[data-review-count]")).ToHaveTextAsync("1", Live);
        await reviewLink.ClickAsync();
        await entry.Locator("[data-review-open]").ClickAsync();
        await publisher.Page.WaitForURLAsync("**" + jobPath);
        await Assertions.Expect(publisher.Page.Locator("[data-job-choices]")).ToContainTextAsync("Harbour Films teaser at Nyhavn #team");
        var approve = panel.Locator("[data-review-approve]");
        await Assertions.Expect(approve).ToBeEnabledAsync();
        await approve.ClickAsync();
        // The decision loads the post's page afresh (with its notice and the approval on the consent); from there it
        // follows the post live.
        await publisher.Page.WaitForURLAsync(new Regex(Regex.Escape(jobPath) + "\\?notice=Approved"));
        await publisher.WaitForCircuitAsync();
        await MarkDocumentAsync(publisher);
        var badge = publisher.Page.Locator("[data-job-badge]");
        await Assertions.Expect(badge).ToHaveTextAsync("Posted", new() { Timeout = 30_000 });
        await AssertSameDocumentAsync(publisher);
        await Assertions.Expect(publisher.Page.Locator("[data-review-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(publisher.Page.Locator("[data-review-count]")).ToHaveCountAsync(0);
        var timeline = publisher.Page.Locator("[data-job-timeline] li");
        await Assertions.Expect(timeline.Filter(new() { HasText = $"Sent back by Margaret Hamilton: {Comment}" })).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.Filter(new() { HasText = "Edited by Alan Turing." })).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.Filter(new() { HasText = "Approved by Margaret Hamilton." })).ToHaveCountAsync(1);

        await publisher.ScreenshotsInNewTabAsync("reviewed-post", "[data-consent-approved-by]");

        await viewer.Page.GotoAsync(WorkspaceEndpoints.OpenUrl(studio, jobPath));
        await viewer.WaitForCircuitAsync();
        await Assertions.Expect(viewer.Page.Locator("[data-job-badge]")).ToHaveTextAsync("Posted");
        await Assertions.Expect(viewer.Page.Locator("[data-consent-given-by]")).ToContainTextAsync("Alan Turing pressed the button");
        await Assertions.Expect(viewer.Page.Locator("[data-consent-approved-by]")).ToContainTextAsync("Margaret Hamilton approved it");
        var viewersTimeline = viewer.Page.Locator("[data-job-timeline] li");
        await Assertions.Expect(viewersTimeline.Filter(new() { HasText = $"Sent back by Margaret Hamilton: {Comment}" })).ToHaveCountAsync(1);
        await Assertions.Expect(viewersTimeline.Filter(new() { HasText = "Edited by Alan Turing." })).ToHaveCountAsync(1);
        await Assertions.Expect(viewersTimeline.Filter(new() { HasText = "Approved by Margaret Hamilton." })).ToHaveCountAsync(1);
        await Assertions.Expect(viewer.Page.Locator("[data-job-action]")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Page.Locator("[data-review-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Page.Locator("a[data-review-link]")).ToHaveCountAsync(0);
        await viewer.Page.GotoAsync("/review");
        await Assertions.Expect(viewer.Page.Locator("[data-review-not-allowed]")).ToContainTextAsync("Your role here is Viewer");

        var strangers = await stranger.Page.GotoAsync(jobPath);
        Assert.Equal(404, strangers!.Status);
        await stranger.Page.GotoAsync("/history");
        await stranger.WaitForCircuitAsync();
        await Assertions.Expect(stranger.Page.Locator("main")).Not.ToContainTextAsync("Harbour Films teaser");

        foreach (var tab in new[] { owner, editor, publisher, viewer })
        {
            Assert.True(tab.Errors.Count == 0, string.Join("\n", tab.Errors));
        }

        // The stranger's only complaint is the 404 of the post they may not see.
        Assert.All(stranger.Errors, e => Assert.Contains("404", e));
    }

    /// <summary>An invitation made on the members page's form; returns the link the Owner would send.</summary>
    private async Task<string> InviteAsync(BrowserPage owner, string email, WorkspaceRole role)
    {
        var page = owner.Page;
        await page.GetByLabel("Email address of their Google account").FillAsync(email);
        await page.Locator("[data-invite-role]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex($"^{role} — ") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-invite-link]")).ToContainTextAsync($"Send this link to {email}");
        var link = await page.Locator("input[data-invite-url]").InputValueAsync();
        Assert.StartsWith(_app.ServerAddress + "invitations/", link);
        return link;
    }

    /// <summary>Accepts the invitation page's offer; the person lands in the workspace's history.</summary>
    private static async Task AcceptAsync(BrowserPage guest, string role)
    {
        await Assertions.Expect(guest.Page.Locator("[data-invitation-summary]")).ToContainTextAsync($"Grace Hopper invited you to join Harbour Films as {role}");
        await guest.WaitForCircuitAsync();
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Accept and join Harbour Films" }).ClickAsync();
        await guest.Page.WaitForURLAsync(new Regex("/history\\?workspace="));
        await guest.WaitForCircuitAsync();
        await Assertions.Expect(guest.Page.Locator("[data-workspace-switcher] .midx-workspace-name")).ToHaveTextAsync("Harbour Films");
    }

    /// <summary>Marks the tab's document; <see cref="AssertSameDocumentAsync"/> then proves what changed came live, without a reload.</summary>
    private static Task MarkDocumentAsync(BrowserPage tab) => tab.Page.EvaluateAsync("() => { window.__sameDocument = true; }");

    private static async Task AssertSameDocumentAsync(BrowserPage tab) =>
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");

    public void Dispose() => _app.Dispose();
}
