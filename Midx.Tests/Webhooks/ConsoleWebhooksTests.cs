using Bunit;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Core.Webhooks;
using Midx.Tests.Admin;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Webhooks;

/// <summary>A workspace's page in the console lists its webhook endpoints and newest deliveries, without the Owners' buttons or any secret.</summary>
public sealed class ConsoleWebhooksTests : PageTestContext
{
    public ConsoleWebhooksTests() => Context.Services.AddMidxAdmin();

    [Fact]
    public async Task WorkspacePage_WorkspaceWithAnEndpoint_ListsItAndItsDeliveriesReadOnly()
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

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, studio.Id));

        var card = page.WaitForElement("[data-workspace-webhooks]");
        Assert.Equal("https://hooks.example.com/midx", Text(card.QuerySelector("[data-webhook-url]")));
        Assert.Equal("Off after failures", Text(card.QuerySelector("[data-webhook-state]")));
        Assert.NotNull(card.QuerySelector("[data-webhook-disabled-notice]"));
        Assert.Equal("Given up", Text(card.QuerySelector($"[data-webhook-delivery='{delivery.Id}'] [data-webhook-delivery-status]")));
        Assert.StartsWith("The endpoint did not answer in time at ", Text(card.QuerySelector("[data-webhook-delivery-last]")));
        Assert.Empty(card.QuerySelectorAll("button"));
        Assert.DoesNotContain(endpoint.SecretCipher, page.Markup);
    }
}
