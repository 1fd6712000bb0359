using Bunit;
using Microsoft.EntityFrameworkCore;
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

/// <summary>A user's page in the console on the circuit: what it shows, the self rules, and an action from dialog to audit log.</summary>
public sealed class UserPageTests : PageTestContext
{
    public UserPageTests() => Context.Services.AddMidxAdmin();

    [Fact]
    public async Task UserPage_Creator_ShowsChipsAccountsWithTokenStateAndLinksToTheirUploads()
    {
        var admin = await AddUserAsync("ada@midx.test", "Ada Lovelace", isAdmin: true);
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        var healthy = await AddAccountAsync(grace.Id, "grace.codes");
        await AddAccountAsync(grace.Id, "grace.old", a => (a.TokenState, a.TokenProblem) = (TokenState.NeedsReconnect, "TikTok revoked the grant."));
        await AddJobAsync(grace.Id, healthy.Id, JobState.Published);
        SignIn(admin);

        var page = Render<UserPage>(p => p.Add(c => c.Id, grace.Id));

        page.WaitForAssertion(() => Assert.Equal("Grace Hopper", Text(page.Find("[data-user-name]"))));
        Assert.Equal(["Creator", "Active"], page.FindAll("[data-user-chips] .mud-chip").Select(Text));
        Assert.Equal(["healthy", "needs-reconnect"], page.FindAll("[data-account] [data-token-state]").Select(c => c.GetAttribute("data-token-state")));
        Assert.Equal("TikTok revoked the grant.", Text(page.Find("[data-token-problem]")));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == $"/admin/uploads?account={healthy.Id}");
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == $"/admin/uploads?user={grace.Id}" && Text(a) == "All 1 uploads →");
        Assert.Single(page.FindAll("[data-upload-table] [data-upload-row]"));
        Assert.False(page.Find("[data-action=grant-admin] button").HasAttribute("disabled"));
        Assert.False(page.Find("[data-action=disable-user] button").HasAttribute("disabled"));
        Assert.Equal(UserActions.DisableEffect, Text(page.Find("[data-action=disable-user] [data-action-rule]")));
    }

    [Fact]
    public async Task UserPage_MemberOfASharedWorkspace_ListsTheirWorkspacesWithRolesLinkingToEach()
    {
        var admin = await AddUserAsync("ada@midx.test", "Ada Lovelace", isAdmin: true);
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        SignIn(admin);
        Workspace studio;
        await using (var scope = Context.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
            studio = db.AddWorkspace("Orbit Studio", admin, UtcNow.AddDays(-2));
            db.AddMember(studio, grace, WorkspaceRole.Editor, UtcNow.AddDays(-1));
            await db.SaveChangesAsync();
        }

        var page = Render<UserPage>(p => p.Add(c => c.Id, grace.Id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-user-workspace]").Count));
        var workspaces = page.FindAll("[data-user-workspace]");
        Assert.Equal([grace.Id.ToString(), studio.Id.ToString()], workspaces.Select(w => w.GetAttribute("data-user-workspace")));
        Assert.Equal(["Owner", "Editor"], workspaces.Select(w => Text(w.QuerySelector("[data-user-workspace-role]"))));
        Assert.Equal(WorkspacePage.Url(studio.Id), workspaces[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Shared", Text(workspaces[1]));
        Assert.NotNull(page.Find("[data-action=disable-user] button"));
    }

    [Fact]
    public async Task UserPage_OwnAccount_DisablesRevokeAndDisableAndSaysWhy()
    {
        var admin = await AddUserAsync("ada@midx.test", "Ada Lovelace", isAdmin: true);
        SignIn(admin);

        var page = Render<UserPage>(p => p.Add(c => c.Id, admin.Id));

        page.WaitForAssertion(() => Assert.Equal(["Admin", "Active", "You"], page.FindAll("[data-user-chips] .mud-chip").Select(Text)));
        Assert.True(page.Find("[data-action=revoke-admin] button").HasAttribute("disabled"));
        Assert.True(page.Find("[data-action=disable-user] button").HasAttribute("disabled"));
        Assert.Equal(SetAdminRoleCommand.OwnRoleRefused, Text(page.Find("[data-action=revoke-admin] [data-action-rule]")));
        Assert.Equal(SetUserDisabledCommand.SelfRefused, Text(page.Find("[data-action=disable-user] [data-action-rule]")));
    }

    [Fact]
    public async Task UserPage_DisableWithAReason_RunsTheCommandShowsTheResultAndReloadsTheUser()
    {
        var admin = await AddUserAsync("ada@midx.test", "Ada Lovelace", isAdmin: true);
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        SignIn(admin);
        var providers = RenderMudProviders();
        var page = Render<UserPage>(p => p.Add(c => c.Id, grace.Id));
        page.WaitForElement("[data-action=disable-user] button").Click();

        providers.WaitForElement("[data-admin-dialog]");
        Assert.Contains("Disable grace@midx.test?", Text(providers.Find(".mud-dialog-title")));
        Assert.True(providers.Find("button[data-admin-confirm]").HasAttribute("disabled"));
        providers.Find("input[data-admin-reason]").Input("Posted spam from a stolen account");
        providers.WaitForAssertion(() => Assert.False(providers.Find("button[data-admin-confirm]").HasAttribute("disabled")));
        providers.Find("button[data-admin-confirm]").Click();

        providers.WaitForAssertion(() => Assert.Contains("grace@midx.test is disabled", Text(providers.Find(".mud-snackbar"))));
        page.WaitForAssertion(() => Assert.Equal(["Creator", "Disabled"], page.FindAll("[data-user-chips] .mud-chip").Select(Text)));
        Assert.NotNull(page.Find("[data-action=enable-user] button"));
        await using var scope = Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        Assert.True((await db.Users.SingleAsync(u => u.Id == grace.Id)).IsDisabled);
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal((AdminAuditActions.DisabledUser, admin.Id, "Posted spam from a stolen account"), (audit.Action, audit.ActorUserId!.Value, audit.Detail));
        page.WaitForAssertion(() => Assert.Contains("Posted spam from a stolen account", Text(page.Find("[data-audit-table]"))));
    }

    [Fact]
    public async Task UserPage_KeepAsItIs_ClosesTheDialogAndChangesNothing()
    {
        var admin = await AddUserAsync("ada@midx.test", "Ada Lovelace", isAdmin: true);
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        SignIn(admin);
        var providers = RenderMudProviders();
        var page = Render<UserPage>(p => p.Add(c => c.Id, grace.Id));
        page.WaitForElement("[data-action=grant-admin] button").Click();

        providers.WaitForElement("[data-admin-dialog]");
        providers.FindAll(".mud-dialog button").Single(b => Text(b) == "Keep as it is").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
        Assert.Empty(providers.FindAll(".mud-snackbar"));
        await using var scope = Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        Assert.False((await db.Users.SingleAsync(u => u.Id == grace.Id)).IsAdmin);
        Assert.Empty(await db.AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task UserPage_UnknownId_SaysThereIsNoSuchUserAndLinksBack()
    {
        var admin = await AddUserAsync("ada@midx.test", "Ada Lovelace", isAdmin: true);
        SignIn(admin);

        var page = Render<UserPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        var missing = page.WaitForElement("[data-user-missing]");
        Assert.Contains("There is no user with this id.", Text(missing));
        Assert.Equal("/admin/users", missing.QuerySelector("a")!.GetAttribute("href"));
    }
}
