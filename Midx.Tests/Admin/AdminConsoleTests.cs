using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Midx.App.Admin;
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
        "/admin/users?q=grace&sort=seen-desc&page=2",
        "/admin/users/{user}",
        "/admin/workspaces",
        "/admin/workspaces?kind=all&q=studio",
        "/admin/workspaces?after=not-a-cursor",
        "/admin/workspaces/{workspace}",
        "/admin/workspaces/{user}",
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
    public async Task ConsolePage_SignedInCreator_Answers403WithTheAdminsOnlyPage(string page)
    {
        using var response = await fixture.Creator.Client.GetAsync(Resolve(page));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only for administrators", html);
        Assert.DoesNotContain("aria-label=\"Admin console\"", html);
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

    [Theory]
    [InlineData(AdminEndpoints.UploadsExportPath)]
    [InlineData(AdminEndpoints.UsersExportPath)]
    [InlineData(AdminEndpoints.AuditExportPath)]
    [InlineData(AdminEndpoints.TokensExportPath)]
    public async Task Export_AnonymousCreatorAndAdmin_RedirectForbidAndServe(string path)
    {
        using var anonymous = fixture.App.CreateHttpClient();
        using var anonymousResponse = await anonymous.GetAsync(path);
        using var creatorResponse = await fixture.Creator.Client.GetAsync(path);
        using var adminResponse = await fixture.Admin.Client.GetAsync(path);

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
    public async Task ExportCsv_OldestFirst_HoldsTheFilteredUploadsInTheGridsOrder()
    {
        var expected = await fixture.App.QueryAsync(db => db.PublishJobs
            .Where(j => j.State == JobState.Published)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Select(j => j.Id).ToListAsync());

        var csv = await fixture.Admin.Client.GetStringAsync($"{AdminEndpoints.UploadsExportPath}?state=Published&order={UploadFilterQueryString.OldestFirst}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(expected.Count > 1);
        Assert.Equal(expected.Select(id => id.ToString()), lines.Skip(1).Select(l => l.Split(',')[0]));
        var audit = (await fixture.App.AuditAsync(AdminAuditActions.ExportedUploads)).Last();
        Assert.Equal("filters state=Published&order=oldest", audit.Detail);
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
            AdminEndpoints.UsersExportPath,
            "/admin/audit/export.csv",
            "/admin/tokens/export.csv",
            "/admin/tokens/export.csv?problem=reconnect",
        };
        string[] headers = [UploadCsv.Header, UserCsv.Header, AuditCsv.Header, TokenCsv.Header];

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
        Assert.Null(page.QuerySelector("[data-action=cancel-upload]"));
    }

    [Fact]
    public async Task WorkspacePage_SeededStudio_PrerendersMembersByRoleAndOnlyThePendingInvitation()
    {
        var page = await fixture.Admin.GetDocumentAsync($"/admin/workspaces/{fixture.Seed.StudioWorkspaceId}");

        Assert.Equal("Orbit Studio", ElementText.Text(page.QuerySelector("[data-workspace-name]")));
        Assert.Equal(["Owner", "Publisher", "Editor", "Viewer"], page.QuerySelectorAll("[data-member-role]").Select(ElementText.Text));
        var invitation = Assert.Single(page.QuerySelectorAll("[data-invitation]"));
        Assert.Contains("new.hire@", invitation.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-workspace-account]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-upload-table] [data-upload-row]"));
    }

    [Fact]
    public async Task WorkspacePage_UnknownId_SaysWorkspaceNotFoundInsideTheConsole()
    {
        var page = await fixture.Admin.GetDocumentAsync($"/admin/workspaces/{Guid.NewGuid()}");

        Assert.Contains("Workspace not found", page.QuerySelector("[data-workspace-missing]")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav[aria-label='Admin console']"));
    }

    [Fact]
    public async Task UserPage_OwnAccount_PrerendersBothSelfRulesBesideDisabledButtons()
    {
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);

        var page = await fixture.Admin.GetDocumentAsync($"/admin/users/{admin.Id}");

        Assert.True(page.QuerySelector<IHtmlButtonElement>("[data-action=revoke-admin] button")!.IsDisabled);
        Assert.True(page.QuerySelector<IHtmlButtonElement>("[data-action=disable-user] button")!.IsDisabled);
        Assert.Equal(SetAdminRoleCommand.OwnRoleRefused, ElementText.Text(page.QuerySelector("[data-action=revoke-admin] [data-action-rule]")));
        Assert.Equal(SetUserDisabledCommand.SelfRefused, ElementText.Text(page.QuerySelector("[data-action=disable-user] [data-action-rule]")));
    }

    [Fact]
    public async Task UsersExport_AnonymousCreatorAndAdmin_RedirectForbidAndServe()
    {
        using var anonymous = fixture.App.CreateHttpClient();
        using var anonymousResponse = await anonymous.GetAsync(AdminEndpoints.UsersExportPath);
        using var creatorResponse = await fixture.Creator.Client.GetAsync(AdminEndpoints.UsersExportPath);
        using var adminResponse = await fixture.Admin.Client.GetAsync(AdminEndpoints.UsersExportPath);

        Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
        Assert.StartsWith("/signin", anonymousResponse.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, creatorResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.Equal("text/csv", adminResponse.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment; filename=\"midx-users-", adminResponse.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task UsersExport_SearchAndSort_HoldsExactlyTheFilteredUsersInOrderAndIsAudited()
    {
        var expected = await fixture.App.QueryAsync(db => db.Users
            .Where(u => u.Email.Contains("studio.test") || u.Name.Contains("studio.test"))
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Select(u => u.Id).ToListAsync());

        var csv = await fixture.Admin.Client.GetStringAsync($"{AdminEndpoints.UsersExportPath}?q=STUDIO.test&sort={UserSort.JoinedNewest.Value}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(UserCsv.Header.TrimEnd(), lines[0]);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.Select(id => id.ToString()), lines.Skip(1).Select(l => l.Split(',')[0]));
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);
        var audit = (await fixture.App.AuditAsync(AdminAuditActions.ExportedUsers)).Last();
        Assert.Equal(admin.Id, audit.ActorUserId);
        Assert.Equal(UserExportQuery.Describe("STUDIO.test", UserSort.JoinedNewest), audit.Detail);
        Assert.Equal("users matching \"STUDIO.test\", Joined, newest first", audit.Detail);
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

    private string Resolve(string page) => page
        .Replace("{user}", fixture.Seed.GraceId.ToString(), StringComparison.Ordinal)
        .Replace("{job}", fixture.Seed.FailedJobId.ToString(), StringComparison.Ordinal)
        .Replace("{workspace}", fixture.Seed.StudioWorkspaceId.ToString(), StringComparison.Ordinal);
}
