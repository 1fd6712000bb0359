using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Publishing;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>The console over real HTTP: who may open it, what it shows, what it never shows, and what its actions record.</summary>
public sealed class AdminConsoleTests(AdminConsoleFixture fixture) : IClassFixture<AdminConsoleFixture>
{
    private static readonly string[] PageList =
    [
        "/admin",
        "/admin/users",
        "/admin/users?q=grace&page=1",
        "/admin/users/{user}",
        "/admin/uploads",
        "/admin/uploads?state=Failed&mode=Direct&from=2020-01-01",
        "/admin/uploads/{job}",
        "/admin/failures",
        "/admin/audit",
        "/admin/audit?action=account.signed-in",
        "/admin/audit?order=oldest&after=not-a-cursor",
        "/admin/tokens",
        "/admin/tokens?problem=reconnect&page=x",
        "/admin/security",
    ];

    public static TheoryData<string> Pages => new(PageList);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ConsolePage_Anonymous_RedirectsToSignIn(string page)
    {
        using var client = fixture.App.CreateHttpClient();

        using var response = await client.GetAsync(Resolve(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ConsolePage_SignedInCreator_GoesToAccessDenied(string page)
    {
        using var response = await fixture.Creator.Client.GetAsync(Resolve(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ConsolePage_Admin_RendersWithConsoleNavigation(string page)
    {
        using var response = await fixture.Admin.Client.GetAsync(Resolve(page));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aria-label=\"Admin console\"", html);
    }

    [Fact]
    public async Task ExportCsv_AnonymousCreatorAndAdmin_RedirectForbidAndServe()
    {
        using var anonymous = fixture.App.CreateHttpClient();
        using var anonymousResponse = await anonymous.GetAsync("/admin/uploads/export.csv");
        using var creatorResponse = await fixture.Creator.Client.GetAsync("/admin/uploads/export.csv");
        using var adminResponse = await fixture.Admin.Client.GetAsync("/admin/uploads/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
        Assert.StartsWith("/signin", anonymousResponse.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, creatorResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.Equal("text/csv", adminResponse.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ExportCsv_FilteredView_HoldsExactlyTheFilteredUploadsAndIsAudited()
    {
        var expected = await fixture.App.QueryAsync(db => db.PublishJobs
            .Where(j => j.State == JobState.Failed && j.ErrorCode == "spam_risk_text")
            .OrderByDescending(j => j.CreatedAt).Select(j => j.Id).ToListAsync());

        var csv = await fixture.Admin.Client.GetStringAsync("/admin/uploads/export.csv?state=Failed&error=spam_risk_text");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(UploadCsv.Header.TrimEnd(), lines[0]);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(id => id.ToString()), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Contains(",Failed,", l));
        Assert.Contains(fixture.Seed.FailedJobId.ToString(), csv);
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);
        var audit = (await fixture.App.AuditAsync(AdminAuditActions.ExportedUploads)).Last();
        Assert.Equal(admin.Id, audit.ActorUserId);
        Assert.Equal("filters state=Failed&error=spam_risk_text", audit.Detail);
    }

    [Fact]
    public async Task ConsoleAndExport_SeededTokens_NeverShowATokenCiphertextOrUploadUrl()
    {
        var pages = new List<string>(PageList)
        {
            $"/admin/users/{fixture.Seed.GraceId}",
            $"/admin/uploads/{fixture.Seed.PublishedJobId}",
            $"/admin/uploads/{fixture.Seed.ScheduledJobId}",
            "/admin/uploads/export.csv",
            "/admin/audit/export.csv",
            "/admin/tokens/export.csv",
            "/admin/tokens/export.csv?problem=reconnect",
        };
        string[] headers = [UploadCsv.Header, AuditCsv.Header, TokenCsv.Header];

        foreach (var page in pages)
        {
            var body = await fixture.Admin.Client.GetStringAsync(Resolve(page));
            Assert.True(body.Contains("aria-label=\"Admin console\"") || headers.Any(h => body.StartsWith(h, StringComparison.Ordinal)), page);
            foreach (var secret in ConsoleSeed.SecretValues)
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{page} shows the secret value {secret}.");
            }
        }
    }

    [Fact]
    public async Task UploadPage_FailedUpload_ShowsTikTokCodeLogIdTimelineWithDurationsAndConsent()
    {
        var page = await fixture.Admin.GetDocumentAsync($"/admin/uploads/{fixture.Seed.FailedJobId}");

        var error = page.QuerySelector("[data-upload-error]")!.TextContent;
        Assert.Contains("spam_risk_text", error);
        Assert.Contains("Rewrite the caption", error);
        Assert.NotNull(page.QuerySelector("[data-log-id]"));
        var steps = page.QuerySelectorAll("[data-timeline] li").Select(li => li.GetAttribute("data-step")).ToArray();
        Assert.Equal(new string?[] { "Queued", "Initializing", "Uploading", "Processing", "Failed" }, steps);
        var durations = page.QuerySelectorAll("[data-duration]").Select(d => d.TextContent.Trim()).ToArray();
        Assert.Equal("2 s in this stage", durations[0]);
        Assert.StartsWith("current stage", durations[^1]);
        Assert.Contains("Music Usage Confirmation", page.QuerySelector("[data-consent]")!.TextContent);
        Assert.Null(page.QuerySelector("form[data-action=cancel-upload]"));
    }

    [Fact]
    public async Task CancelForm_ScheduledUpload_CancelsRedirectsShowsNoticeAndAuditsTheAdmin()
    {
        var path = $"/admin/uploads/{fixture.Seed.ScheduledJobId}";
        var page = await fixture.Admin.GetDocumentAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>("form[data-action=cancel-upload]")!;

        using var response = await fixture.Admin.PostFormAsync(form, []);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"Got {(int)response.StatusCode}");
        Assert.Equal(path, response.Headers.Location!.OriginalString.Replace(fixture.App.ServerAddress.ToString().TrimEnd('/'), ""));
        var after = await fixture.Admin.GetDocumentAsync(path);
        Assert.Contains("is cancelled", after.QuerySelector("[data-admin-notice]")!.TextContent);
        Assert.Equal("Cancelled", after.QuerySelector("[data-timeline] li:last-child")!.GetAttribute("data-step"));
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);
        var audit = Assert.Single(await fixture.App.AuditAsync(AdminAuditActions.CancelledUpload));
        Assert.Equal((admin.Id, fixture.Seed.GraceId), (audit.ActorUserId, audit.SubjectUserId!.Value));
    }

    [Fact]
    public async Task CancelPost_WithoutAntiforgeryToken_IsRejected()
    {
        using var response = await fixture.Admin.Client.PostAsync(
            $"/admin/uploads/{fixture.Seed.PublishedJobId}", new FormUrlEncodedContent([new("_handler", "cancel-upload")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await fixture.App.QueryAsync(db => db.AuditEvents.Where(a => a.SubjectUserId == Guid.Empty).ToListAsync()));
    }

    [Fact]
    public async Task UserPage_OwnAccount_CannotRevokeOwnRoleOrDisableSelf()
    {
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);

        var page = await fixture.Admin.GetDocumentAsync($"/admin/users/{admin.Id}");

        Assert.True(page.QuerySelector<IHtmlButtonElement>("form[data-action=revoke-admin] button")!.IsDisabled);
        Assert.True(page.QuerySelector<IHtmlButtonElement>("form[data-action=disable-user] button")!.IsDisabled);
        Assert.Contains("cannot remove your own admin role", page.QuerySelector("form[data-action=revoke-admin]")!.TextContent);
    }

    [Fact]
    public async Task UserForms_GrantThenDisable_ChangeTheUserAndAuditBothWithTheAdminsId()
    {
        using var target = await fixture.App.SignInFlowAsync("target@example.test", "Tara Target");
        var user = await fixture.App.UserByEmailAsync("target@example.test");
        var path = $"/admin/users/{user.Id}";

        var page = await fixture.Admin.GetDocumentAsync(path);
        using (var grant = await fixture.Admin.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[data-action=grant-admin]")!, []))
        {
            Assert.True(grant.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther);
        }

        page = await fixture.Admin.GetDocumentAsync(path);
        Assert.Contains("is now an admin", page.QuerySelector("[data-admin-notice]")!.TextContent);
        using (var disable = await fixture.Admin.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[data-action=disable-user]")!, []))
        {
            Assert.True(disable.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther);
        }

        var saved = await fixture.App.UserByEmailAsync("target@example.test");
        Assert.True(saved.IsAdmin);
        Assert.True(saved.IsDisabled);
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);
        var audit = await fixture.App.QueryAsync(db => db.AuditEvents.Where(a => a.SubjectUserId == user.Id && a.Action.StartsWith("admin."))
            .OrderBy(a => a.At).ToListAsync());
        Assert.Equal([AdminAuditActions.GrantedAdmin, AdminAuditActions.DisabledUser], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(admin.Id, a.ActorUserId));

        // The target's session ended with the change (new security stamp, disabled).
        using var after = await target.Client.GetAsync("/");
        Assert.Null(target.SessionCookie);
    }

    [Fact]
    public async Task OverviewPage_SeededWorkers_JudgesEachByItsOwnScheduleAndShowsIt()
    {
        var overview = await fixture.Admin.GetDocumentAsync("/admin");

        var seeded = overview.QuerySelectorAll("[data-worker]").Where(w => w.TextContent.Contains("web-1")).ToList();
        Assert.Equal(
            [("MediaSweepWorker", "Healthy"), ("PublishWorker", "Healthy"), ("RetentionWorker", "Healthy"), ("TokenRefresher", "Late")],
            seeded.Select(w => (w.GetAttribute("data-worker"), ElementText.Text(w.QuerySelector("[data-worker-state]")))));
        var sweep = seeded.Single(w => w.GetAttribute("data-worker") == "MediaSweepWorker");
        Assert.StartsWith("Reports every 1 h 0 min · next by ", ElementText.Text(sweep.QuerySelector("[data-worker-schedule]")));
    }

    [Fact]
    public async Task UsersPage_Search_FindsByEmailOrNameAnyCase()
    {
        var byName = await fixture.Admin.GetDocumentAsync("/admin/users?q=HOPPER");
        var byEmail = await fixture.Admin.GetDocumentAsync("/admin/users?q=studio.test");

        Assert.Equal(["Grace Hopper"], byName.QuerySelectorAll("[data-user-row] td a").Select(a => a.TextContent));
        Assert.Equal(
            ["Katherine Johnson", "Margaret Hamilton"],
            byEmail.QuerySelectorAll("[data-user-row] td a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task UploadsPage_FilterAndNextPage_ShowNewestFirstWithoutOverlap()
    {
        var first = await fixture.Admin.GetDocumentAsync("/admin/uploads?state=Published");
        var next = first.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!.GetAttribute("href")!;
        var second = await fixture.Admin.GetDocumentAsync(next);

        var firstIds = first.QuerySelectorAll("[data-upload-row]").Select(r => r.GetAttribute("data-upload-row")).ToList();
        var secondIds = second.QuerySelectorAll("[data-upload-row]").Select(r => r.GetAttribute("data-upload-row")).ToList();
        Assert.Equal(50, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Contains("state=Published", next);
        Assert.All(first.QuerySelectorAll("[data-upload-row] [data-state]"), b => Assert.Equal("Published", b.GetAttribute("data-state")));
    }

    private string Resolve(string page) => page
        .Replace("{user}", fixture.Seed.GraceId.ToString(), StringComparison.Ordinal)
        .Replace("{job}", fixture.Seed.FailedJobId.ToString(), StringComparison.Ordinal);
}
