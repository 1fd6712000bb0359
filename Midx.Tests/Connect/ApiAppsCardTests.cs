using Bunit;
using Microsoft.EntityFrameworkCore;
using Midx.App.Connect;
using Midx.App.Workspaces;
using Midx.Core.Accounts;
using Midx.Core.Connect;
using Midx.Core.Workspaces;
using Midx.Tests.Workspaces;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Connect;

/// <summary>The API apps card of a workspace's page: an Owner makes an app, registers and removes its redirect URLs and deletes it; nobody else sees it.</summary>
public sealed class ApiAppsCardTests : WorkspacesPageTestContext
{
    private static readonly TimeProvider Clock = Support.TestClock.Create();

    private User _ada = default!;
    private Workspace _team = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task CreateAndAddUrl_ListsTheAppWithItsIdAndUrlAndAudits()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        Assert.Equal(ApiAppsList.NoApps, Text(page.WaitForElement("[data-api-apps-empty]")));

        page.Find("input[data-api-app-name-input]").Input("Shop Studio");
        page.Find("[data-api-app-create]").Click();
        page.WaitForElement("[data-api-app-no-urls]");
        page.Find("input[data-api-app-url-input]").Input("https://shop.example/connected");
        page.Find("[data-api-app-url-add]").Click();

        page.WaitForAssertion(() => Assert.Equal("https://shop.example/connected", Text(page.Find("[data-api-app-urls] code"))));
        var app = await WithDbAsync(db => db.ApiApps.AsNoTracking().SingleAsync());
        Assert.Equal(("Shop Studio", _team.Id), (app.Name, app.WorkspaceId));
        Assert.Equal(["https://shop.example/connected"], app.RedirectUrls);
        Assert.Equal("Shop Studio", Text(page.Find("[data-api-app-name]")));
        Assert.Equal(app.Id.ToString(), Text(page.Find("[data-api-app-id]")));
        Assert.Null(page.Find("input[data-api-app-url-input]").GetAttribute("value"));
        var audited = await WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Equal(new[] { ConnectAuditActions.AppCreated, ConnectAuditActions.AppRedirectUrlAdded }.Order(), audited.Order());
    }

    [Theory]
    [InlineData("http://shop.example/connected")]
    [InlineData("https://shop.example/connected#done")]
    [InlineData("shop.example/connected")]
    public async Task AddUrl_NotHttpsOrWithAFragment_IsRefusedWithTheRule(string url)
    {
        var app = await CreateAppAsync();
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("input[data-api-app-url-input]").Input(url);
        page.Find("[data-api-app-url-add]").Click();

        providers.WaitForAssertion(() => Assert.Contains(ApiAppRedirectUrl.Invalid, Text(providers.Find(".mud-snackbar"))));
        Assert.Empty(await WithDbAsync(db => db.ApiApps.Where(a => a.Id == app.Id).Select(a => a.RedirectUrls).SingleAsync()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/callback", true)]
    [InlineData("http://localhost:3000/cb", true)]
    [InlineData("http://[::1]/cb", true)]
    [InlineData("https://app.example/cb?x=1", true)]
    [InlineData("http://192.168.1.5/cb", false)]
    [InlineData("ftp://app.example/cb", false)]
    [InlineData("https://user:pw@app.example/cb", false)]
    public void RedirectUrlRule_HttpsOrLoopbackHttpOnly(string url, bool allowed) =>
        Assert.Equal(allowed, ApiAppRedirectUrl.Problem(url) is null);

    [Fact]
    public async Task RemoveUrlAndDelete_ConfirmedDelete_RemovesTheAppAndItsLinks()
    {
        var app = await CreateAppAsync("https://shop.example/a");
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-remove-api-app-url]").Click();
        page.WaitForElement("[data-api-app-no-urls]");
        page.Find("[data-delete-api-app]").Click();
        var dialog = providers.WaitForElement("[data-member-dialog]");
        Assert.Contains("Its connect links stop working at once", Text(dialog));
        providers.Find("[data-member-confirm]").Click();

        page.WaitForElement("[data-api-apps-empty]");
        Assert.False(await WithDbAsync(db => db.ApiApps.AnyAsync()));
        var audited = await WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Equal(
            new[] { ConnectAuditActions.AppCreated, ConnectAuditActions.AppRedirectUrlAdded, ConnectAuditActions.AppRedirectUrlRemoved, ConnectAuditActions.AppDeleted }.Order(),
            audited.Order());
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Render_MemberWhoIsNotAnOwner_ShowsNoAppsAndCannotChangeThem(WorkspaceRole role)
    {
        var bob = await AddUserAsync("bob@midx.test", "Bob Member");
        await WithDbAsync(db =>
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = _team.Id, UserId = bob.Id, Role = role, JoinedAt = UtcNow });
            return db.SaveChangesAsync();
        });
        var app = await CreateAppAsync();
        SignIn(bob);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        var refused = await WithDbAsync(db => new ApiAppCommands(db, new Midx.Core.Admin.AuditLog(db, Clock), Clock).DeleteAsync(bob.Id, _team.Id, app.Id, CancellationToken.None));

        page.WaitForElement("[data-members-table]");
        Assert.Empty(page.FindAll("[data-api-apps]"));
        Assert.Equal(ApiAppCommands.NotAllowedMessage, refused.Message);
        Assert.True(await WithDbAsync(db => db.ApiApps.AnyAsync()));
    }

    /// <summary>An app made by Ada through the commands, as the card would make it.</summary>
    private Task<ApiApp> CreateAppAsync(params string[] urls) => WithDbAsync(async db =>
    {
        var commands = new ApiAppCommands(db, new Midx.Core.Admin.AuditLog(db, Clock), Clock);
        Assert.True((await commands.CreateAsync(_ada.Id, _team.Id, "Shop Studio", CancellationToken.None)).Succeeded);
        var app = await db.ApiApps.AsNoTracking().SingleAsync();
        foreach (var url in urls)
        {
            Assert.True((await commands.AddRedirectUrlAsync(_ada.Id, _team.Id, app.Id, url, CancellationToken.None)).Succeeded);
        }

        return app;
    });
}
