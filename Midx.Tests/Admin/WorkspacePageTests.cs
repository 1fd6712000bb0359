using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Admin;

/// <summary>A workspace's page in the console on the circuit: its members, invitations, accounts and posts, and what it never shows.</summary>
public sealed class WorkspacePageTests : PageTestContext
{
    private const string TokenHash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    public WorkspacePageTests() => Context.Services.AddMidxAdmin();

    [Fact]
    public async Task WorkspacePage_SharedWorkspace_ShowsMembersInvitationsAccountsAndPostsButNeverTheInvitationsTokenHash()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        var alan = await AddUserAsync("alan@midx.test", "Alan Turing");
        var account = await AddAccountAsync(alan.Id, "orbit.studio", a => (a.TokenState, a.TokenProblem) = (TokenState.NeedsReconnect, "TikTok revoked the grant."));
        Workspace studio = default!;
        WorkspaceInvitation invitation = default!;
        await SeedAsync(db =>
        {
            studio = db.AddWorkspace("Orbit Studio", grace, UtcNow.AddDays(-3), inboxDraftsOnly: true);
            studio.RequiresReview = true;
            db.AddMember(studio, alan, WorkspaceRole.Publisher, UtcNow.AddDays(-2));
            invitation = db.AddInvitation(studio, "kat@midx.test", grace, UtcNow.AddHours(-1), WorkspaceRole.Viewer, tokenHash: TokenHash);
            db.TikTokAccounts.Attach(account).Entity.In(studio);
        });
        var post = await AddJobAsync(alan.Id, account.Id, JobState.Published, j => j.WorkspaceId = studio.Id);
        await AddJobAsync(alan.Id, account.Id, JobState.AwaitingReview, j => j.WorkspaceId = studio.Id);
        var key = new Midx.Core.Api.ApiKey
        {
            WorkspaceId = studio.Id, Name = "Shop sync", Prefix = "midx_0123abcd", SecretHash = TokenHash.ToLowerInvariant(),
            Scopes = Midx.Core.Api.ApiScope.Read, CreatedByUserId = grace.Id, CreatedAt = UtcNow.AddHours(-2),
        };
        await SeedAsync(db =>
        {
            db.ApiKeys.Add(key);
            db.ApiKeyUsage.Add(new Midx.Core.Api.ApiKeyUsage { KeyId = key.Id, Day = DateOnly.FromDateTime(UtcNow), Requests = 7, Errors = 2 });
        });

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, studio.Id));

        page.WaitForAssertion(() => Assert.Equal("Orbit Studio", Text(page.Find("[data-workspace-name]"))));
        Assert.Equal("Shared", Text(page.Find("[data-workspace-kind]")));
        Assert.Equal(AdminText.PostingBoundary(true), Text(page.Find("[data-workspace-boundary]")));
        Assert.Equal("Posts need approval · 1 awaiting review", Text(page.Find("[data-workspace-review]")));
        var members = page.FindAll("[data-member-table] tbody tr");
        Assert.Equal(["Owner", "Publisher"], members.Select(m => Text(m.QuerySelector("[data-member-role]"))));
        Assert.Equal(UserPage.Url(grace.Id), members[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("grace@midx.test", Text(members[0]));
        var invited = page.Find($"[data-invitation='{invitation.Id}']").Closest("tr")!;
        Assert.Contains("kat@midx.test", Text(invited));
        Assert.Contains("Viewer", Text(invited));
        Assert.Equal(UserPage.Url(grace.Id), invited.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(AdminText.ShortTime(invitation.ExpiresAt), Text(invited));
        var linked = page.Find($"[data-workspace-account='{account.Id}']");
        Assert.Contains("@orbit.studio", Text(linked));
        Assert.Equal("needs-reconnect", linked.QuerySelector("[data-token-state]")!.GetAttribute("data-token-state"));
        Assert.Equal("TikTok revoked the grant.", Text(linked.QuerySelector("[data-token-problem]")));
        Assert.Contains(page.FindAll("[data-upload-table] a"), a => a.GetAttribute("href") == $"/admin/uploads/{post.Id}");
        Assert.Equal($"/admin/uploads?workspace={studio.Id}", page.Find("[data-workspace-posts-link]").GetAttribute("href"));
        var listedKey = page.Find($"[data-workspace-api-keys] [data-api-key='{key.Id}']");
        Assert.Equal(Midx.App.Workspaces.ApiKeysList.Shown("midx_0123abcd"), Text(listedKey.QuerySelector("[data-api-key-prefix]")));
        Assert.Contains("by Grace Hopper", Text(listedKey));
        Assert.NotNull(listedKey.QuerySelector($"[data-api-key-usage-day='{DateOnly.FromDateTime(UtcNow):yyyy-MM-dd}']"));
        Assert.Empty(listedKey.QuerySelectorAll("[data-rotate-api-key], [data-revoke-api-key]"));
        Assert.DoesNotContain(TokenHash, page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WorkspacePage_NewSharedWorkspace_SaysItHasNoAccountsInvitationsOrPostsYet()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        Workspace studio = default!;
        await SeedAsync(db => studio = db.AddWorkspace("Orbit Studio", grace, UtcNow));

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, studio.Id));

        page.WaitForElement("[data-workspace-name]");
        Assert.Equal("Direct post and inbox drafts", Text(page.Find("[data-workspace-boundary]")));
        Assert.Equal("Posts go without approval", Text(page.Find("[data-workspace-review]")));
        Assert.Single(page.FindAll("[data-member-table] tbody tr"));
        Assert.NotNull(page.Find("[data-accounts-empty]"));
        Assert.NotNull(page.Find("[data-invitations-empty]"));
        Assert.NotNull(page.Find("[data-posts-empty]"));
        Assert.Empty(page.FindAll("[data-workspace-posts-link]"));
    }

    [Fact]
    public async Task WorkspacePage_PersonalWorkspace_SaysItIsPersonalAndShowsNoInvitations()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, grace.Id));

        page.WaitForAssertion(() => Assert.Equal(Workspace.PersonalName, Text(page.Find("[data-workspace-name]"))));
        Assert.Equal("Personal", Text(page.Find("[data-workspace-kind]")));
        Assert.Equal(["Owner"], page.FindAll("[data-member-role]").Select(Text));
        Assert.Empty(page.FindAll("[data-invitations-empty]"));
    }

    [Fact]
    public void WorkspacePage_UnknownId_SaysThereIsNoSuchWorkspaceAndLinksBack()
    {
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        var missing = page.WaitForElement("[data-workspace-missing]");
        Assert.Contains("Workspace not found", Text(missing));
        Assert.Contains("There is no workspace with this id.", Text(missing));
        Assert.Equal(WorkspacesPage.ListPath, missing.QuerySelector("a")!.GetAttribute("href"));
    }

    private async Task SeedAsync(Action<MidxDbContext> seed)
    {
        await using var scope = Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        seed(db);
        await db.SaveChangesAsync();
    }
}
