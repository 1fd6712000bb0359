using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Webhooks;
using Midx.App.Workspaces;
using Midx.Core.Accounts;
using Midx.Core.Webhooks;
using Midx.Core.Workspaces;
using Midx.Tests.Workspaces;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Webhooks;

/// <summary>The webhooks card of a workspace's page: an Owner adds endpoints and reads the delivery log; nobody else sees or changes them.</summary>
public sealed class WebhooksCardTests : WorkspacesPageTestContext
{
    private User _ada = default!;
    private Workspace _team = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task Create_UrlAndEvents_ShowsTheSecretOnceAndListsTheEndpoint()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-webhooks-empty]");
        Assert.Contains("tries again for 24 hours until the endpoint answers with a 2xx status", Text(page.Find("[data-webhooks-about]")));

        page.Find("input[data-webhook-url-input]").Input("https://hooks.example.com/midx");
        page.Find("[data-webhook-event-choice='post.published'] input").Change(true);
        page.Find("[data-webhook-create]").Click();

        var secret = Text(page.WaitForElement("[data-webhook-secret]"));
        var stored = await WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.True(Context.Services.GetRequiredService<WebhookSecret>().TryRead(stored.Id, stored.SecretCipher, out var kept));
        Assert.Equal(secret, kept);
        Assert.StartsWith(WebhookSecret.Start, secret);
        Assert.DoesNotContain(secret, stored.SecretCipher);
        Assert.Equal(("https://hooks.example.com/midx", _team.Id, WebhookEventTypes.PostStatusChanged | WebhookEventTypes.PostPublished),
            (stored.Url, stored.WorkspaceId, stored.Events));
        page.WaitForAssertion(() => Assert.Equal("https://hooks.example.com/midx", Text(page.Find("[data-webhook-url]"))));
        Assert.Equal(["post.status_changed", "post.published"], page.FindAll("[data-webhook-event]").Select(Text));
        Assert.Equal("On", Text(page.Find("[data-webhook-state]")));
        Assert.Equal(WebhooksDeliveryLog.NoDeliveries, Text(page.Find("[data-webhook-deliveries-empty]")));
        Assert.Single(await WithDbAsync(db => db.AuditEvents.Where(a => a.Action == WebhookAuditActions.Created).ToListAsync()));

        var reopened = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        reopened.WaitForElement("[data-webhook-url]");
        Assert.Empty(reopened.FindAll("[data-webhook-issued]"));
        Assert.DoesNotContain(secret, reopened.Markup);
        Assert.DoesNotContain(stored.SecretCipher, reopened.Markup);
    }

    [Fact]
    public async Task Create_PrivateAddress_SaysWhyAndAddsNothing()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-webhook-form]");

        page.Find("input[data-webhook-url-input]").Input("https://169.254.169.254/latest/meta-data");
        page.Find("[data-webhook-create]").Click();

        page.WaitForAssertion(() => Assert.Equal(WebhookAddress.PrivateRefused, Text(page.Find("[data-webhook-error]"))));
        Assert.Empty(page.FindAll("[data-webhook-issued]"));
        Assert.False(await WithDbAsync(db => db.WebhookEndpoints.AnyAsync()));
    }

    [Fact]
    public async Task SendAgain_DeliveryInTheLog_ShowsItAndQueuesOneMoreOfTheSameEvent()
    {
        var (_, delivery) = await AddEndpointWithDeliveryAsync(_team.Id);
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        var row = page.WaitForElement($"[data-webhook-delivery='{delivery.Id}']");
        Assert.Equal("post.published", Text(row.QuerySelector("[data-webhook-delivery-type]")));
        Assert.Equal("Delivered", Text(row.QuerySelector("[data-webhook-delivery-status]")));
        Assert.Equal("to hooks.example.com", Text(row.QuerySelector("[data-webhook-delivery-endpoint]")));
        Assert.Equal("HTTP 200 at 22 Nov 2026, 09:00 UTC in 84 ms; 1 attempt", Text(row.QuerySelector("[data-webhook-delivery-last]")));

        row.QuerySelector("[data-webhook-send-again]")!.Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-webhook-delivery]").Count));
        var all = await WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().ToListAsync());
        Assert.Equal(2, all.Count);
        Assert.All(all, d => Assert.Equal((delivery.EventId, delivery.Payload), (d.EventId, d.Payload)));
        var again = all.Single(d => d.Id != delivery.Id);
        Assert.Equal((WebhookDeliveryStatus.Pending, 0), (again.Status, again.Attempts));
        Assert.Equal("Queued", Text(page.Find($"[data-webhook-delivery='{again.Id}'] [data-webhook-delivery-status]")));
    }

    [Fact]
    public async Task Render_EndpointDisabledAfterFailures_TellsTheOwnerAndOffersToTurnItOn()
    {
        var (endpoint, _) = await AddEndpointWithDeliveryAsync(_team.Id, e =>
        {
            e.DisabledAt = UtcNow;
            e.DisabledReason = WebhookDisabledReason.Failures;
            e.ConsecutiveFailures = 20;
        });
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        var notice = page.WaitForElement("[data-webhook-disabled-notice]");
        Assert.Contains("Midx turned this endpoint off on 22 Nov 2026, 09:00 UTC after 20 failed attempts in a row.", Text(notice));
        Assert.Equal("Off after failures", Text(page.Find("[data-webhook-state]")));

        page.Find("[data-webhook-toggle]").Click();

        page.WaitForAssertion(() => Assert.Equal("On", Text(page.Find("[data-webhook-state]"))));
        Assert.Empty(page.FindAll("[data-webhook-disabled-notice]"));
        var saved = await WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpoint.Id));
        Assert.Equal(((DateTime?)null, (WebhookDisabledReason?)null, 0), (saved.DisabledAt, saved.DisabledReason, saved.ConsecutiveFailures));
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Render_MemberWhoIsNotAnOwner_ShowsNoWebhooks(WorkspaceRole role)
    {
        var bob = await AddUserAsync("bob@midx.test", "Bob Member");
        await WithDbAsync(db =>
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = _team.Id, UserId = bob.Id, Role = role, JoinedAt = UtcNow });
            return db.SaveChangesAsync();
        });
        await AddEndpointWithDeliveryAsync(_team.Id);
        SignIn(bob);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-members-table]");
        Assert.Empty(page.FindAll("[data-webhooks]"));
        Assert.DoesNotContain("hooks.example.com", page.Markup);
    }

    [Fact]
    public async Task Commands_OwnerOfAnotherWorkspace_CanNeitherSeeNorChangeTheEndpoint()
    {
        var eve = await AddUserAsync("eve@midx.test", "Eve Elsewhere");
        var (endpoint, delivery) = await AddEndpointWithDeliveryAsync(_team.Id);
        await using var scope = Context.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<WebhooksQuery>();
        var commands = scope.ServiceProvider.GetRequiredService<WebhookEndpointCommands>();

        var seen = await query.ExecuteAsync(eve.Id, _team.Id, CancellationToken.None);
        var off = await commands.SetEnabledAsync(eve.Id, _team.Id, endpoint.Id, false, CancellationToken.None);
        var deleted = await commands.DeleteAsync(eve.Id, _team.Id, endpoint.Id, CancellationToken.None);
        var again = await commands.SendAgainAsync(eve.Id, _team.Id, delivery.Id, CancellationToken.None);
        // Her own workspace's id with the other's endpoint and delivery: the ids alone open nothing.
        var offFromHers = await commands.SetEnabledAsync(eve.Id, eve.Id, endpoint.Id, false, CancellationToken.None);
        var againFromHers = await commands.SendAgainAsync(eve.Id, eve.Id, delivery.Id, CancellationToken.None);

        var older = await query.OlderAsync(eve.Id, _team.Id, LaterThan(delivery), CancellationToken.None);
        var olderForAda = await query.OlderAsync(_ada.Id, _team.Id, LaterThan(delivery), CancellationToken.None);

        Assert.Empty(seen.Endpoints);
        Assert.Empty(seen.Log.Deliveries);
        Assert.Empty(older.Deliveries);
        Assert.Equal(delivery.Id, Assert.Single(olderForAda.Deliveries).Id);
        Assert.All([off, deleted, again], r => Assert.Equal(WorkspaceActionOutcome.NotFound, r.Outcome));
        Assert.Equal(WebhookEndpointCommands.NoSuchEndpoint, offFromHers.Message);
        Assert.Equal(WebhookEndpointCommands.NoSuchDelivery, againFromHers.Message);
        var saved = await WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.Null(saved.DisabledAt);
        Assert.Single(await WithDbAsync(db => db.WebhookDeliveries.ToListAsync()));
    }

    [Fact]
    public async Task DeliveryLog_MoreThanAPage_ShowsTheNewestThenOlderOnesOnAsking()
    {
        var (endpoint, newest) = await AddEndpointWithDeliveryAsync(_team.Id);
        var older = Enumerable.Range(1, 2 * WebhooksQuery.LogSize + 4).Select(i => new WebhookDelivery
        {
            EndpointId = endpoint.Id, EventId = Guid.CreateVersion7(), EventType = "post.published", Payload = "{}", CreatedAt = UtcNow.AddMinutes(-i),
            Status = WebhookDeliveryStatus.Delivered, Attempts = 1, LastAttemptAt = UtcNow.AddMinutes(-i), LastStatusCode = 200, LastDurationMs = 10,
        }).ToList();
        await WithDbAsync(db =>
        {
            db.WebhookDeliveries.AddRange(older);
            return db.SaveChangesAsync();
        });
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        var expected = older.Prepend(newest).Select(d => d.Id.ToString()).ToList();

        page.WaitForAssertion(() => Assert.Equal(expected.Take(WebhooksQuery.LogSize), page.FindAll("[data-webhook-delivery]").Select(li => li.GetAttribute("data-webhook-delivery"))));
        Assert.Equal("Newest first. Midx keeps each delivery for 90 days.", Text(page.Find("[data-webhook-deliveries-kept]")));
        page.Find("[data-webhook-deliveries-older]").Click();
        page.WaitForAssertion(() => Assert.Equal(expected.Take(2 * WebhooksQuery.LogSize), page.FindAll("[data-webhook-delivery]").Select(li => li.GetAttribute("data-webhook-delivery"))));
        page.Find("[data-webhook-deliveries-older]").Click();

        page.WaitForAssertion(() => Assert.Equal(expected, page.FindAll("[data-webhook-delivery]").Select(li => li.GetAttribute("data-webhook-delivery"))));
        Assert.Empty(page.FindAll("[data-webhook-deliveries-older]"));
    }

    /// <summary>A log row that sorts before every delivery: the page after it holds the newest.</summary>
    private static WebhookDeliveryRow LaterThan(WebhookDelivery delivery) => new(
        Guid.Empty, delivery.EndpointId, delivery.EventId, delivery.EventType, delivery.CreatedAt.AddDays(1), delivery.Status, 0, null, null, null, null, null, null);

    private async Task<(WebhookEndpoint Endpoint, WebhookDelivery Delivery)> AddEndpointWithDeliveryAsync(Guid workspaceId, Action<WebhookEndpoint>? configure = null)
    {
        var endpoint = new WebhookEndpoint
        {
            WorkspaceId = workspaceId, Url = "https://hooks.example.com/midx", Events = WebhookEventTypes.PostPublished, SecretCipher = "cipher",
            CreatedByUserId = _ada.Id, CreatedAt = UtcNow.AddDays(-1),
        };
        configure?.Invoke(endpoint);
        var delivery = new WebhookDelivery
        {
            EndpointId = endpoint.Id, EventId = Guid.CreateVersion7(), EventType = "post.published", Payload = "{\"type\":\"post.published\"}",
            CreatedAt = UtcNow, Status = WebhookDeliveryStatus.Delivered, Attempts = 1, LastAttemptAt = UtcNow, LastStatusCode = 200, LastDurationMs = 84,
        };
        await WithDbAsync(db =>
        {
            db.AddRange(endpoint, delivery);
            return db.SaveChangesAsync();
        });
        return (endpoint, delivery);
    }
}
