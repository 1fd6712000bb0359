using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Admin;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;
using MudBlazor;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// The admin console's uploads grid on the circuit: the address's filters, order and cursor reach the query, the pager
/// walks on, an empty view says so, and live updates change rows and bring new uploads in.
/// </summary>
public sealed class UploadsPageTests : LivePageTestContext
{
    private User _admin = default!;
    private User _avery = default!;
    private User _grace = default!;
    private TikTokAccount _harbour = default!;
    private TikTokAccount _meadow = default!;

    public UploadsPageTests() => Context.Services.AddScoped<UploadListQuery>();

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await AddUserAsync("admin@midx.test", "Ada", isAdmin: true);
        _avery = await AddUserAsync("avery@midx.test", "Avery");
        _grace = await AddUserAsync("grace@midx.test", "Grace");
        _harbour = await AddAccountAsync(_avery.Id, "harbour");
        _meadow = await AddAccountAsync(_grace.Id, "meadow");
    }

    [Fact]
    public async Task Grid_EachFilterInTheAddress_ReachesTheQuery()
    {
        var failed = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Failed, j => (j.ErrorCode, j.CreatedAt) = ("spam_risk_text", UtcNow.AddDays(-1)));
        var inbox = await AddJobAsync(_grace.Id, _meadow.Id, JobState.SentToInbox, j => (j.Mode, j.Source, j.CreatedAt) = (PublishMode.Inbox, VideoSource.Url, UtcNow.AddDays(-2)));
        var queued = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Queued, j => j.CreatedAt = UtcNow.AddHours(-3));
        var page = await RenderLiveAsync();
        var day = UploadFilterQueryString.Day(DateOnly.FromDateTime(UtcNow.AddDays(-1)));

        var cases = new (string Query, PublishJob[] Expected)[]
        {
            ("", [queued, failed, inbox]),
            ("?state=Failed", [failed]),
            ("?mode=Inbox", [inbox]),
            ("?source=Url", [inbox]),
            ("?account=%40harbour", [queued, failed]),
            ($"?account={_meadow.Id}", [inbox]),
            ($"?user={_grace.Id}", [inbox]),
            ($"?from={day}&to={day}", [failed]),
            ("?error=spam_risk_text", [failed]),
            ($"?order={UploadFilterQueryString.OldestFirst}", [inbox, failed, queued]),
            ("?state=nonsense&from=yesterday", [queued, failed, inbox]),
        };
        foreach (var (query, expected) in cases)
        {
            Navigation.NavigateTo(UploadsPage.ListPath + query);
            page.WaitForAssertion(() => Assert.Equal(expected.Select(j => j.Id.ToString()), RowIds(page)), TimeSpan.FromSeconds(10));
        }

        Navigation.NavigateTo($"{UploadsPage.ListPath}?user={_grace.Id}");
        page.WaitForAssertion(() => Assert.Equal($"/admin/users/{_grace.Id}", page.Find("[data-user-filter] a").GetAttribute("href")));
        Assert.Equal($"{AdminEndpoints.UploadsExportPath}?user={_grace.Id}", page.Find("a[data-export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Filters_ChangedOnThePage_NavigateToTheirAddressWithWhatIsTyped()
    {
        var page = await RenderLiveAsync();

        page.Find("input[data-filter=account]").Input("@harbour");
        page.Find("input[data-filter=error]").Input("spam_risk_text");
        page.Find("form[data-upload-filters]").Submit();
        var typed = new UploadFilter { Account = "@harbour", ErrorCode = "spam_risk_text" };
        Assert.Equal(typed, UploadFilterQueryString.Parse(Navigation.Uri));

        var state = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "State");
        await page.InvokeAsync(() => state.Instance.ValueChanged.InvokeAsync(nameof(JobState.Failed)));
        Assert.Equal(typed with { State = JobState.Failed }, UploadFilterQueryString.Parse(Navigation.Uri));

        page.Find("input[data-filter=from]").Change("2026-11-20");
        var dated = typed with { State = JobState.Failed, From = new DateOnly(2026, 11, 20) };
        Assert.Equal(dated, UploadFilterQueryString.Parse(Navigation.Uri));
        Assert.Equal(AdminEndpoints.UploadsExportPath + UploadFilterQueryString.ToQueryString(dated), page.Find("a[data-export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Pager_NextPage_ContinuesAfterTheLastRowInEitherOrder()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < UploadListQuery.DefaultPageSize + 2; i++)
        {
            // Pairs share a timestamp, so the page boundary falls between two uploads created at the same moment.
            ids.Add((await AddJobAsync(_avery.Id, _harbour.Id, JobState.Published, j => j.CreatedAt = UtcNow.AddMinutes(-(i / 2)))).Id);
        }

        var page = await RenderLiveAsync();
        foreach (var order in new[] { "", $"?order={UploadFilterQueryString.OldestFirst}" })
        {
            Navigation.NavigateTo(UploadsPage.ListPath + order);
            page.WaitForAssertion(() => Assert.Equal(UploadListQuery.DefaultPageSize, RowIds(page).Count));
            var first = RowIds(page);
            var next = page.Find("[data-keyset-pager] a[rel=next]").GetAttribute("href")!;
            Assert.Contains("after=", next);
            Assert.Equal(order.Length > 0, next.Contains("order=oldest"));

            Navigation.NavigateTo(next);
            page.WaitForAssertion(() => Assert.Equal(2, RowIds(page).Count));
            var second = RowIds(page);
            Assert.Empty(first.Intersect(second));
            Assert.Equal(ids.Select(id => id.ToString()).Order(), first.Concat(second).Order());
            Assert.Empty(page.FindAll("[data-keyset-pager] a[rel=next]"));
            Assert.Equal(UploadsPage.ListPath + order, page.Find("[data-keyset-pager] a").GetAttribute("href"));
        }

        Assert.Equal(UploadsPage.OldestFirstText, Text(page.Find("[data-keyset-pager] a")));
    }

    [Fact]
    public async Task SortByCreated_Header_SwitchesBetweenNewestAndOldestFirst()
    {
        var older = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Published, j => j.CreatedAt = UtcNow.AddHours(-2));
        var newer = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Published, j => j.CreatedAt = UtcNow.AddHours(-1));
        var page = await RenderLiveAsync();
        page.WaitForAssertion(() => Assert.Equal([newer.Id.ToString(), older.Id.ToString()], RowIds(page)));
        Assert.Equal("newest", page.Find("[data-sort-created]").GetAttribute("data-sort-created"));

        Navigation.NavigateTo(page.Find("[data-sort-created]").GetAttribute("href")!);

        page.WaitForAssertion(() => Assert.Equal([older.Id.ToString(), newer.Id.ToString()], RowIds(page)));
        Assert.EndsWith("?order=oldest", Navigation.Uri);
        Assert.Equal("oldest", page.Find("[data-sort-created]").GetAttribute("data-sort-created"));
        Assert.Equal($"{AdminEndpoints.UploadsExportPath}?order=oldest", page.Find("a[data-export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Grid_NothingMatches_SaysSoAndOffersToClearTheFilters()
    {
        await AddJobAsync(_avery.Id, _harbour.Id, JobState.Published);

        var page = await RenderLiveAsync($"{UploadsPage.ListPath}?state=Failed");

        page.WaitForAssertion(() => Assert.Equal(UploadsPage.NoMatchText, Text(page.Find("[data-uploads-empty] h2"))));
        var clear = page.FindAll("[data-uploads-empty] a").Single();
        Assert.Equal(("Clear filters", UploadsPage.ListPath), (Text(clear), clear.GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-upload-row]"));
    }

    [Fact]
    public async Task LiveUpdate_VisibleRowTakesItsStateAtOnceAndANewUploadComesInOnTop()
    {
        var queued = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Queued, j => j.CreatedAt = UtcNow.AddMinutes(-5));
        var page = await RenderLiveAsync();
        page.WaitForAssertion(() => Assert.Equal([queued.Id.ToString()], RowIds(page)));

        await Bus.PublishAsync(Update(queued, JobState.Failed, "spam_risk_text"), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal(nameof(JobState.Failed), page.Find("[data-job-badge]").GetAttribute("data-state")));
        Assert.Equal(JobStateMachine.Label(JobState.Failed), Text(page.Find("[data-job-badge]")));
        Assert.Equal("spam_risk_text", Text(page.Find("[data-upload-error-code]")));

        var added = await AddJobAsync(_grace.Id, _meadow.Id, JobState.Queued);
        await Bus.PublishAsync(Update(added, JobState.Queued, null), CancellationToken.None);
        // The new upload comes within the console's refresh interval (the test's clock moves on while it waits).
        var clock = (FakeTimeProvider)Context.Services.GetRequiredService<TimeProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (RowIds(page).Count < 2 && DateTime.UtcNow < deadline)
        {
            clock.Advance(OverviewPage.RefreshInterval);
            await Task.Delay(50);
        }

        page.WaitForAssertion(() => Assert.Equal([added.Id.ToString(), queued.Id.ToString()], RowIds(page)));
    }

    private async Task<IRenderedComponent<UploadsPage>> RenderLiveAsync(string address = UploadsPage.ListPath)
    {
        await SignInLiveAsync(_admin);
        Navigation.NavigateTo(address);
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));
        return page;
    }

    private static List<string?> RowIds(IRenderedComponent<UploadsPage> page) =>
        page.FindAll("[data-upload-row]").Select(r => r.GetAttribute("data-upload-row")).ToList();

    private JobUpdate Update(PublishJob job, JobState state, string? errorCode) =>
        new(job.Id, job.WorkspaceId, state, JobStateMachine.Label(state), JobStateMachine.IsTerminal(state), null, 0, job.FileSize, null, errorCode, null, null, UtcNow);
}
