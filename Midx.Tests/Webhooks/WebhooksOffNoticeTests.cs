using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Webhooks;
using Midx.App.Workspaces;
using Midx.Core.Accounts;
using Midx.Core.Webhooks;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Webhooks;

/// <summary>
/// The layout's notice that Midx turned a webhook endpoint off after failures: to the workspace's Owners on every page
/// but the workspace's own (whose card says it), to nobody else, and not for an endpoint an Owner turned off.
/// </summary>
public sealed class WebhooksOffNoticeTests : PageTestContext
{
    private User _ada = default!;
    private User _ben = default!;
    private Workspace _team = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _ben = await AddUserAsync("ben@midx.test", "Ben Editor");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner), (_ben, WorkspaceRole.Editor));
    }

    [Fact]
    public async Task Owner_EndpointOffAfterFailures_SaysWhichAndLinksToTheWorkspace()
    {
        await AddEndpointAsync("https://hooks.example.com/midx", WebhookDisabledReason.Failures);

        var notice = RenderFor(_ada, WorkspaceRole.Owner).WaitForElement("[data-webhooks-off-notice]");

        Assert.Equal(
            "Midx turned off the webhook endpoint hooks.example.com of the Harbour Films workspace after 20 failed attempts in a row. Events are not sent to it until an Owner fixes it and turns it on again.",
            Text(notice.QuerySelector("p")));
        Assert.Equal(WorkspacePage.Url(_team.Id), notice.QuerySelector("[data-webhooks-off-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Owner_TwoEndpointsOffAfterFailures_NamesBoth()
    {
        await AddEndpointAsync("https://b.example.com/hook", WebhookDisabledReason.Failures);
        await AddEndpointAsync("https://a.example.com/hook", WebhookDisabledReason.Failures, offFor: TimeSpan.FromHours(2));

        var notice = RenderFor(_ada, WorkspaceRole.Owner).WaitForElement("[data-webhooks-off-notice]");

        // The one turned off first comes first.
        Assert.StartsWith("Midx turned off 2 webhook endpoints of the Harbour Films workspace (a.example.com, b.example.com)", Text(notice.QuerySelector("p")));
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor, WebhookDisabledReason.Failures)]
    [InlineData(WorkspaceRole.Owner, WebhookDisabledReason.ByOwner)]
    public async Task Query_EditorOrEndpointAnOwnerTurnedOff_FindsNothing(WorkspaceRole role, WebhookDisabledReason reason)
    {
        await AddEndpointAsync("https://hooks.example.com/midx", reason);
        await using var db = NewContext();

        var off = await new WebhooksQuery(db).OffAfterFailuresAsync(role == WorkspaceRole.Owner ? _ada.Id : _ben.Id, _team.Id, CancellationToken.None);

        Assert.Empty(off);
    }

    [Fact]
    public async Task Owner_GoesToTheWorkspacesOwnPage_TheNoticeGivesWayToTheCards()
    {
        await AddEndpointAsync("https://hooks.example.com/midx", WebhookDisabledReason.Failures);
        var notice = RenderFor(_ada, WorkspaceRole.Owner);
        notice.WaitForElement("[data-webhooks-off-notice]");

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(WorkspacePage.Url(_team.Id));
        notice.Render();

        notice.WaitForAssertion(() => Assert.Empty(notice.FindAll("[data-webhooks-off-notice]")));
    }

    private IRenderedComponent<WebhooksOffNotice> RenderFor(User user, WorkspaceRole role)
    {
        var shown = new WorkspaceMembership(_team.Id, _team.Name, IsPersonal: false, InboxDraftsOnly: false, role);
        SignIn(user, shown);
        return Render<WebhooksOffNotice>(p => p.Add(c => c.Workspace, shown));
    }

    private async Task AddEndpointAsync(string url, WebhookDisabledReason reason, TimeSpan offFor = default)
    {
        await using var db = NewContext();
        db.WebhookEndpoints.Add(new WebhookEndpoint
        {
            WorkspaceId = _team.Id, Url = url, Events = WebhookEventTypes.PostFailed, SecretCipher = "CfDJ8-webhook-secret", CreatedByUserId = _ada.Id,
            CreatedAt = UtcNow.AddDays(-1), DisabledAt = UtcNow - offFor, DisabledReason = reason, ConsecutiveFailures = reason == WebhookDisabledReason.Failures ? 20 : 0,
        });
        await db.SaveChangesAsync();
    }
}
