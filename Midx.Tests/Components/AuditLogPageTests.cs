using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>The audit log's grid on the circuit: the filters and order in the address reach the query, keyset pages, the empty state.</summary>
public sealed class AuditLogPageTests : PageTestContext
{
    private static readonly DateTime Day = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    public AuditLogPageTests()
    {
        Context.Services.AddScoped<AuditLogQuery>();
        Context.Services.AddScoped<AuditActionsQuery>();
    }

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task Filters_InTheAddress_EachReachesTheQuery()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada", isAdmin: true);
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        var signIn = await AddEventAsync("account.signed-in", Day.AddHours(8), grace.Id, grace.Id);
        var grant = await AddEventAsync(AdminAuditActions.GrantedAdmin, Day.AddDays(1).AddHours(23), ada.Id, grace.Id, "on call");
        var adaSignIn = await AddEventAsync("account.signed-in", Day.AddDays(2), ada.Id, ada.Id);
        var deleted = await AddEventAsync("account.deleted", Day.AddDays(-1), null, null);
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal([adaSignIn, grant, signIn, deleted], Rows(page)));

        foreach (var (query, expected) in new (string, Guid[])[]
        {
            ("action=account.signed-in", [adaSignIn, signIn]),
            ("email=ada@midx.test", [adaSignIn, grant]),
            ($"user={grace.Id}", [grant, signIn]),
            ("from=2026-11-20&to=2026-11-21", [grant, signIn]),
            ("to=2026-11-19", [deleted]),
            ("order=oldest", [deleted, signIn, grant, adaSignIn]),
            ("action=account.signed-in&order=oldest&from=not-a-day&user=not-an-id", [signIn, adaSignIn]),
        })
        {
            Navigation.NavigateTo("/admin/audit?" + query);
            page.WaitForAssertion(() => Assert.Equal(expected, Rows(page)), TimeSpan.FromSeconds(10));
        }

        var row = Row(page, signIn);
        Assert.Equal(["/admin/users/" + grace.Id, "/admin/users/" + grace.Id], row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Navigation.NavigateTo("/admin/audit?action=account.deleted");
        page.WaitForAssertion(() => Assert.Equal([deleted], Rows(page)));
        Assert.Equal(["—", "—"], Row(page, deleted).QuerySelectorAll("td").Skip(2).Take(2).Select(Text));
    }

    [Fact]
    public async Task Filters_UserTrail_SaysWhoseTrailItIsAndLinksToEveryone()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        await AddEventAsync("account.signed-in", Day, grace.Id, grace.Id);
        Navigation.NavigateTo($"/admin/audit?user={grace.Id}");

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("The full audit trail of grace@midx.test", Text(page.Find("[data-audit-trail]"))));
        Assert.Equal("/admin/audit", page.Find("[data-audit-trail] a:last-child").GetAttribute("href"));
        Assert.Equal($"{AdminEndpoints.AuditExportPath}?user={grace.Id}", page.Find("a[data-export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task FilterForm_EmailAndDays_NavigateToTheirAddressAndReload()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        var inside = await AddEventAsync("account.signed-in", Day.AddHours(3), grace.Id, grace.Id);
        await AddEventAsync("account.signed-in", Day.AddDays(-3), grace.Id, grace.Id);
        await AddEventAsync("account.signed-in", Day, null, null);
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Length));

        page.Find("input[data-filter=email]").Change("grace@midx.test");
        page.Find("input[data-filter=from]").Change("2026-11-20");
        page.Find("input[data-filter=to]").Change("2026-11-20");
        page.Find("form[data-audit-filters]").Submit();

        Assert.EndsWith("/admin/audit?email=grace@midx.test&from=2026-11-20&to=2026-11-20", Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal([inside], Rows(page)));
        Assert.Equal(
            AdminEndpoints.AuditExportPath + "?email=grace@midx.test&from=2026-11-20&to=2026-11-20",
            page.Find("a[data-export-csv]").GetAttribute("href"));
        Assert.Equal($"This view, up to {AdminText.Number(Csv.MaxRows)} events", Text(page.Find("[data-export-cap]")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NextPage_BoundaryInsideEqualTimestamps_ContinuesAfterTheCursorWithoutOverlap(bool oldestFirst)
    {
        // 60 events, ten at each moment: the boundary after 50 rows falls among events that share a timestamp.
        var all = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            all.Add(await AddEventAsync("account.signed-in", Day.AddMinutes(i / 10), null, null));
        }

        Navigation.NavigateTo(oldestFirst ? "/admin/audit?order=oldest" : "/admin/audit");
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(AuditLogQuery.DefaultPageSize, Rows(page).Length));
        var first = Rows(page);
        Assert.Equal(oldestFirst ? "Oldest first" : "Newest first", Text(page.Find("[data-keyset-pager] p")));

        var next = page.Find("[data-keyset-pager] a[rel=next]").GetAttribute("href")!;
        Assert.Contains("after=", next);
        Assert.Equal(oldestFirst, next.Contains("order=oldest"));
        Navigation.NavigateTo(next);

        page.WaitForAssertion(() => Assert.Equal(10, Rows(page).Length));
        var second = Rows(page);
        Assert.Empty(first.Intersect(second));
        Assert.Equal(all.Order(), first.Concat(second).Order());
        Assert.Contains("End of the list", Text(page.Find("[data-keyset-pager]")));
        Assert.Equal(oldestFirst ? "/admin/audit?order=oldest" : "/admin/audit", page.Find("[data-keyset-pager] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Empty_NothingMatches_SaysSoAndOffersToClear()
    {
        await AddEventAsync("account.signed-in", Day, null, null);
        Navigation.NavigateTo("/admin/audit?action=admin.cancelled-upload");

        var page = Render<AuditLogPage>();

        var empty = page.WaitForElement("[data-audit-empty]");
        Assert.Contains("No audit events match these filters.", Text(empty));
        Assert.Equal("/admin/audit", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("The log is append-only: entries are removed only by the retention rule.", page.Markup);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<AuditLogPage> page, Guid id) =>
        page.FindAll("[data-audit-row]").Single(r => r.GetAttribute("data-audit-row") == id.ToString()).Closest("tr")!;

    private static Guid[] Rows(IRenderedComponent<AuditLogPage> page) =>
        page.FindAll("[data-audit-row]").Select(r => Guid.Parse(r.GetAttribute("data-audit-row")!)).ToArray();

    private async Task<Guid> AddEventAsync(string action, DateTime at, Guid? actor, Guid? subject, string? detail = null)
    {
        await using var scope = Context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var audit = new AuditEvent { Id = Guid.NewGuid(), At = at, Action = action, ActorUserId = actor, SubjectUserId = subject, Detail = detail };
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }
}
