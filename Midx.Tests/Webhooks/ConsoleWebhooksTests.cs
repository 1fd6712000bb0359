using Bunit;
using Microsoft.EntityFrameworkCore;
using Midx.App.Admin;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Webhooks;
using Midx.Core.Workspaces;
using Midx.Tests.Admin;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Webhooks;

/// <summary>
/// A workspace's page in the console lists its webhook endpoints and newest deliveries, without the Owners' endpoint
/// buttons or any secret, and lets an admin send a delivery again with a reason for the audit log.
/// </summary>
public sealed class ConsoleWebhooksTests : PageTestContext
{
    public ConsoleWebhooksTests() => Context.Services.AddMidxAdmin();

    [Fact]
    public async Task WorkspacePage_WorkspaceWithAnEndpoint_ListsItAndItsDeliveriesWithoutEndpointButtons()
    {
        var (grace, studio, endpoint, delivery) = await AddStudioWithAGivenUpDeliveryAsync();

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, studio.Id));

        var card = page.WaitForElement("[data-workspace-webhooks]");
        Assert.Equal("https://hooks.example.com/midx", Text(card.QuerySelector("[data-webhook-url]")));
        Assert.Equal("Off after failures", Text(card.QuerySelector("[data-webhook-state]")));
        Assert.NotNull(card.QuerySelector("[data-webhook-disabled-notice]"));
        Assert.Equal("Given up", Text(card.QuerySelector($"[data-webhook-delivery='{delivery.Id}'] [data-webhook-delivery-status]")));
        Assert.StartsWith("The endpoint did not answer in time at ", Text(card.QuerySelector("[data-webhook-delivery-last]")));
        Assert.Equal(["Send again"], card.QuerySelectorAll("button").Select(Text));
        Assert.DoesNotContain(endpoint.SecretCipher, page.Markup);
    }

    [Fact]
    public async Task SendAgain_ReasonGivenInTheDialog_QueuesTheEventAgainAndAuditsTheReason()
    {
        var (_, studio, _, delivery) = await AddStudioWithAGivenUpDeliveryAsync();
        var admin = await AddUserAsync("admin@midx.test", "Ada", isAdmin: true);
        SignIn(admin);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, studio.Id));

        page.WaitForElement("[data-webhook-send-again]").Click();
        providers.WaitForElement("[data-admin-dialog] textarea, [data-admin-dialog] input").Input("The receiver lost its copy in an outage.");
        providers.Find("[data-admin-confirm]").Click();

        providers.WaitForAssertion(() => Assert.Contains(
            "The post.failed event is queued for hooks.example.com again; it is sent once the endpoint is turned on.", Text(providers.Find(".mud-snackbar"))));
        page.WaitForAssertion(() => Assert.Equal(["Queued", "Given up"], page.FindAll("[data-webhook-delivery-status]").Select(Text)));
        await using var db = NewContext();
        var again = await db.WebhookDeliveries.SingleAsync(d => d.Id != delivery.Id);
        Assert.Equal((delivery.EventId, delivery.Payload, WebhookDeliveryStatus.Pending), (again.EventId, again.Payload, again.Status));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AdminAuditActions.SentWebhookAgain);
        Assert.Equal(admin.Id, audit.ActorUserId);
        Assert.EndsWith("reason: The receiver lost its copy in an outage.", audit.Detail);
    }

    [Fact]
    public async Task SendAgain_DialogKeptAsItIs_QueuesNothing()
    {
        var (_, studio, _, _) = await AddStudioWithAGivenUpDeliveryAsync();
        SignIn(await AddUserAsync("admin@midx.test", "Ada", isAdmin: true));
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, studio.Id));

        page.WaitForElement("[data-webhook-send-again]").Click();
        providers.WaitForElement("[data-admin-dialog]");
        providers.FindAll(".mud-dialog button").Single(b => Text(b) == "Keep as it is").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
        await using var db = NewContext();
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync());
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == AdminAuditActions.SentWebhookAgain));
    }

    /// <summary>Grace's shared workspace with an endpoint turned off after failures and one given-up delivery of a failed post.</summary>
    private async Task<(User Grace, Workspace Studio, WebhookEndpoint Endpoint, WebhookDelivery Delivery)> AddStudioWithAGivenUpDeliveryAsync()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        await using var db = NewContext();
        var studio = db.AddWorkspace("Orbit Studio", grace, UtcNow.AddDays(-3));
        var endpoint = new WebhookEndpoint
        {
            WorkspaceId = studio.Id, Url = "https://hooks.example.com/midx", Events = WebhookEventTypes.PostFailed, SecretCipher = "CfDJ8-webhook-secret",
            CreatedByUserId = grace.Id, CreatedAt = UtcNow.AddDays(-1), DisabledAt = UtcNow, DisabledReason = WebhookDisabledReason.Failures, ConsecutiveFailures = 20,
        };
        var delivery = new WebhookDelivery
        {
            EndpointId = endpoint.Id, EventId = Guid.CreateVersion7(), EventType = "post.failed", Payload = "{}", CreatedAt = UtcNow.AddHours(-25),
            Status = WebhookDeliveryStatus.GivenUp, Attempts = 31, LastAttemptAt = UtcNow.AddHours(-1), LastErrorCode = "webhook_timeout", LastDurationMs = 10000,
        };
        db.AddRange(endpoint, delivery);
        await db.SaveChangesAsync();
        return (grace, studio, endpoint, delivery);
    }
}
