using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Admin;

/// <summary>The console's users grid on the circuit: search, sort and page live in the address and reach the query.</summary>
public sealed class UsersPageTests : PageTestContext
{
    public UsersPageTests() => Context.Services.AddMidxAdmin();

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task UsersPage_SearchOnEnter_PutsItInTheAddressAndListsMatchesOfEmailOrNameInAnyCase()
    {
        await SeedPeopleAsync();
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));

        var search = page.Find("[data-user-search] input");
        search.Input("HOPPER");
        search.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith("/admin/users?q=HOPPER", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(["Grace Hopper"], Names(page)));
        Assert.Equal("1 user matching “HOPPER” · page 1 of 1", Text(page.Find("[data-user-total]")));

        Navigation.NavigateTo("/admin/users?q=studio.test");
        page.WaitForAssertion(() => Assert.Equal(["Katherine Johnson", "Margaret Hamilton"], Names(page)));
        Assert.StartsWith("2 users matching", Text(page.Find("[data-user-total]")));
        Assert.Equal($"{AdminEndpoints.UsersExportPath}?q=studio.test", page.Find("a[data-export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task UsersPage_NoMatch_SaysSoAndClearShowsEveryoneAgain()
    {
        await SeedPeopleAsync();
        Navigation.NavigateTo("/admin/users?q=nobody&sort=joined-desc");
        var page = Render<UsersPage>();

        var empty = page.WaitForElement("[data-users-empty]");
        Assert.Contains("No users match.", Text(empty));
        Assert.Equal("0 users matching “nobody” · page 1 of 1", Text(page.Find("[data-user-total]")));
        empty.QuerySelector("button")!.Click();

        Assert.EndsWith("/admin/users?sort=joined-desc", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        Assert.Empty(page.FindAll("[data-user-clear]"));
    }

    [Fact]
    public async Task UsersPage_NextPage_MovesTheAddressAndShowsTheRestWithoutOverlap()
    {
        for (var i = 0; i < UserListQuery.PageSize + 5; i++)
        {
            await AddUserAsync($"user{i:D2}@midx.test", $"User {i:D2}");
        }

        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(UserListQuery.PageSize, Rows(page).Count));
        var first = Rows(page);
        Assert.Equal("55 users · page 1 of 2", Text(page.Find("[data-user-total]")));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));
        Assert.EndsWith("/admin/users?page=2", Navigation.Uri);
        Assert.Empty(first.Intersect(Rows(page)));
        Assert.Equal("55 users · page 2 of 2", Text(page.Find("[data-user-total]")));

        Navigation.NavigateTo("/admin/users");
        page.WaitForAssertion(() => Assert.Equal(first, Rows(page)));
    }

    public static TheoryData<string> Sorts => new(UserSort.All.Select(s => s.Value));

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task UsersPage_SortInTheAddress_OrdersTheGridByIt(string value)
    {
        var people = await SeedPeopleAsync();
        var sort = UserSort.Parse(value);
        Func<User, object> key = sort.Column switch
        {
            UserSortColumn.Joined => u => u.CreatedAt,
            UserSortColumn.LastSeen => u => u.LastSeenAt,
            _ => u => u.Email,
        };
        var expected = (sort.Descending ? people.OrderByDescending(key) : people.OrderBy(key)).Select(u => u.Id.ToString()).ToList();
        Navigation.NavigateTo($"/admin/users?sort={value}");

        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(expected, Rows(page)));
        Assert.Contains(sort.Label, Text(page.Find("[data-user-sort]")));
    }

    [Fact]
    public async Task UsersPage_UnknownSortOrPage_AreIgnored()
    {
        var people = await SeedPeopleAsync();
        Navigation.NavigateTo("/admin/users?sort=password&page=abc");

        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(people.OrderBy(u => u.Email).Select(u => u.Id.ToString()), Rows(page)));
    }

    [Fact]
    public async Task UsersPage_Row_LinksThePersonAndShowsRoleDisabledAndAccounts()
    {
        var people = await SeedPeopleAsync();
        var grace = people.Single(p => p.Name == "Grace Hopper");
        await AddAccountAsync(grace.Id, "grace.codes");
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        var row = page.Find($"[data-user-row='{grace.Id}']").Closest("tr")!;
        Assert.Equal(UserPage.Url(grace.Id), row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Admin", "Disabled"], row.QuerySelectorAll("[data-user-chips] .mud-chip").Select(Text));
        Assert.Contains(row.QuerySelectorAll("td"), td => Text(td) == "1");
    }

    private static List<string> Rows(IRenderedComponent<UsersPage> page) =>
        page.FindAll("[data-user-row]").Select(r => r.GetAttribute("data-user-row")!).ToList();

    private static List<string> Names(IRenderedComponent<UsersPage> page) =>
        page.FindAll("[data-user-row] a").Select(Text).ToList();

    /// <summary>Four people who joined and were last seen at different times, in an order unlike their emails'.</summary>
    private async Task<List<User>> SeedPeopleAsync()
    {
        var people = new List<User>();
        var seeds = new[]
        {
            ("grace@navy.test", "Grace Hopper", -3, -1, true),
            ("katherine@studio.test", "Katherine Johnson", -10, -5, false),
            ("margaret@studio.test", "Margaret Hamilton", -1, -7, false),
            ("ada@engine.test", "Ada Lovelace", -20, -2, false),
        };
        await using var scope = Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        foreach (var (email, name, joined, seen, adminAndDisabled) in seeds)
        {
            var user = await AddUserAsync(email, name, isAdmin: adminAndDisabled);
            (user.CreatedAt, user.LastSeenAt, user.IsDisabled) = (UtcNow.AddDays(joined), UtcNow.AddDays(seen), adminAndDisabled);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.CreatedAt, user.CreatedAt)
                .SetProperty(u => u.LastSeenAt, user.LastSeenAt)
                .SetProperty(u => u.IsDisabled, user.IsDisabled));
            people.Add(user);
        }

        return people;
    }
}
