using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Admin;

/// <summary>The console's workspaces grid on the circuit: rows, the shared-only default, search and keyset pages in the address.</summary>
public sealed class WorkspacesPageTests : PageTestContext
{
    public WorkspacesPageTests() => Context.Services.AddMidxAdmin();

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task WorkspacesPage_SharedWorkspace_ShowsItsRowWithKindOwnersCountsAndALinkToItsPage()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        var alan = await AddUserAsync("alan@midx.test", "Alan Turing");
        var account = await AddAccountAsync(grace.Id, "grace.codes");
        var studio = await SeedAsync(db =>
        {
            var studio = db.AddWorkspace("Orbit Studio", grace, UtcNow.AddDays(-2));
            db.AddMember(studio, alan, WorkspaceRole.Publisher, UtcNow.AddDays(-1));
            db.AddInvitation(studio, "kat@midx.test", grace, UtcNow.AddHours(-1));
            db.TikTokAccounts.Attach(account).Entity.In(studio);
            return studio;
        });

        var page = Render<WorkspacesPage>();

        page.WaitForAssertion(() => Assert.Equal([studio.Id.ToString()], Rows(page)));
        var row = page.Find($"[data-workspace-row='{studio.Id}']").Closest("tr")!;
        Assert.Equal(WorkspacePage.Url(studio.Id), row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Shared workspace", Text(row.QuerySelector("[data-workspace-kind-label]")));
        Assert.Equal("Grace Hopper", Text(row.QuerySelector("[data-workspace-owners]")));
        Assert.Equal(
            ["2", "1", "0", "1"],
            new[] { "members", "accounts", "posts", "invitations" }.Select(c => Text(row.QuerySelector($"[data-workspace-{c}]"))));
        Assert.Contains("Shared workspaces, newest first", Text(page.Find("[data-workspace-view]")));
    }

    [Fact]
    public async Task WorkspacesPage_OnlyPersonalWorkspaces_SaysNobodySharesOneAndOffersToShowThePersonalOnes()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");

        var page = Render<WorkspacesPage>();

        var empty = page.WaitForElement("[data-workspaces-empty]");
        Assert.Contains(WorkspacesPage.NoSharedText, Text(empty));
        Assert.Contains(WorkspacesPage.NoSharedAdvice, Text(empty));
        var all = empty.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("/admin/workspaces?kind=all", all);

        Navigation.NavigateTo(all);

        page.WaitForAssertion(() => Assert.Equal([grace.Id.ToString()], Rows(page)));
        Assert.Equal("Personal workspace", Text(page.Find("[data-workspace-kind-label]")));
        Assert.Equal("Grace Hopper", Text(page.Find("[data-workspace-owners]")));
    }

    [Fact]
    public async Task WorkspacesPage_SearchOnEnter_PutsItInTheAddressAndListsMatchesAndANoMatchSaysSo()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        var orbit = await SeedAsync(db =>
        {
            db.AddWorkspace("Night Shift", grace, UtcNow.AddDays(-1));
            return db.AddWorkspace("Orbit Studio", grace, UtcNow.AddDays(-2));
        });
        var page = Render<WorkspacesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        var search = page.Find("[data-workspace-search] input");
        search.Input("orbit");
        search.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith("/admin/workspaces?q=orbit", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal([orbit.Id.ToString()], Rows(page)));

        Navigation.NavigateTo("/admin/workspaces?q=nothing");
        var empty = page.WaitForElement("[data-workspaces-empty]");
        Assert.Contains(WorkspacesPage.NoMatchText, Text(empty));
        empty.QuerySelector("button")!.Click();
        Assert.EndsWith("/admin/workspaces", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
    }

    [Fact]
    public async Task WorkspacesPage_NextPage_ShowsTheOlderWorkspacesWithoutOverlap()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        await SeedAsync(db =>
        {
            for (var i = 0; i < WorkspaceListQuery.DefaultPageSize + 3; i++)
            {
                db.AddWorkspace($"Workspace {i:D2}", grace, UtcNow.AddMinutes(-i));
            }

            return 0;
        });
        var page = Render<WorkspacesPage>();
        page.WaitForAssertion(() => Assert.Equal(WorkspaceListQuery.DefaultPageSize, Rows(page).Count));
        var first = Rows(page);

        Navigation.NavigateTo(page.Find("[data-keyset-pager] a[rel=next]").GetAttribute("href")!);

        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        Assert.Empty(first.Intersect(Rows(page)));
        Assert.Contains("End of the list", Text(page.Find("[data-keyset-pager]")));
    }

    private static List<string> Rows(IRenderedComponent<WorkspacesPage> page) =>
        page.FindAll("[data-workspace-row]").Select(r => r.GetAttribute("data-workspace-row")!).ToList();

    private async Task<T> SeedAsync<T>(Func<MidxDbContext, T> seed)
    {
        await using var scope = Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var result = seed(db);
        await db.SaveChangesAsync();
        return result;
    }
}
