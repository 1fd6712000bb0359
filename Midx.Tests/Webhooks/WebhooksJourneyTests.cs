using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Webhooks;
using Midx.Tests.Accounts;
using Midx.Tests.Browser;
using Midx.Tests.Support;

namespace Midx.Tests.Webhooks;

/// <summary>
/// An Owner adds an endpoint in the browser, copies its secret, and reads the deliveries the app's own dispatcher made; an
/// admin sends a delivery again from the console with a reason, and the receiver gets the same event once more.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhooksJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?>
    {
        ["Midx:Webhooks:AllowPrivateAddresses"] = "true",
        ["Midx:Webhooks:PollInterval"] = "00:00:00.200",
    });

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task WorkspacePage_OwnerAddsAnEndpoint_SeesTheSecretOnceThenTheDeliveryLog(int width)
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        await using var owner = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = owner.Page;
        await page.SetViewportSizeAsync(width, 900);
        await owner.SignInAsync("Grace Hopper");
        await page.Locator("[data-workspace-switcher]").ClickAsync();
        await page.Locator("[data-workspace-members]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 2 })).ToBeVisibleAsync();
        await owner.WaitForCircuitAsync();

        await page.GetByLabel("Endpoint URL").FillAsync(receiver.Url);
        await page.GetByLabel("post.failed", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();

        var secret = page.Locator("[data-webhook-secret]");
        await Assertions.Expect(secret).ToHaveTextAsync(new Regex("^whsec_[0-9a-f]{48}$"));
        await Assertions.Expect(page.Locator("[data-webhook-url]")).ToHaveTextAsync(receiver.Url);
        await QueueEventsAsync();
        await page.Locator("[data-webhook-secret-hide]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-webhook-issued]")).ToHaveCountAsync(0);
        await receiver.WaitForRequestsAsync(2);
        await page.ReloadAsync();
        await owner.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-webhook-delivery-status]")).ToHaveTextAsync(["Delivered", "Retrying"]);
        await ScreenshotCardAsync(page, "[data-webhooks]", width, "webhooks");
        Assert.True(owner.Errors.Count == 0, string.Join("\n", owner.Errors));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task ConsoleWorkspacePage_AdminSendsADeliveryAgainWithAReason_ReceiverGetsTheSameEventAgain(int width)
    {
        const string Reason = "The receiver lost its copy in an outage";
        await using var receiver = await WebhookReceiver.StartAsync();
        using var grace = await _app.SignInFlowAsync("grace@sandbox.midx.test", "Grace Hopper");
        var workspaceId = (await _app.UserByEmailAsync("grace@sandbox.midx.test")).Id;
        await AddDeliveredEventAsync(workspaceId, receiver.Url);
        await receiver.WaitForRequestsAsync(1);

        using var ada = await _app.SignInFlowAsync("ada@sandbox.midx.test", "Ada Lovelace");
        await using var admin = await BrowserPage.OpenWithSessionAsync(browser, _app.ServerAddress, ada);
        var page = admin.Page;
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync($"/admin/workspaces/{workspaceId}");
        await admin.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-webhook-delivery-status]")).ToHaveTextAsync(["Delivered"]);

        await page.Locator("[data-webhook-send-again]").ClickAsync();
        var dialog = page.Locator("[data-admin-dialog]");
        await dialog.GetByLabel("Why (kept in the audit log)").FillAsync(Reason);
        await Assertions.Expect(page.Locator("button[data-admin-confirm]")).ToBeEnabledAsync();
        await admin.ScreenshotAsync($"admin-webhook-send-again-dialog-{width}");
        await page.Locator("button[data-admin-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"The post.failed event is queued for {new Uri(receiver.Url).Authority} again.");
        await receiver.WaitForRequestsAsync(2);
        var requests = receiver.Requests.ToList();
        Assert.Equal((requests[0].EventId, requests[0].Body), (requests[1].EventId, requests[1].Body));
        await page.ReloadAsync();
        await admin.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-webhook-delivery-status]")).ToHaveTextAsync(["Delivered", "Delivered"]);
        await ScreenshotCardAsync(page, "[data-workspace-webhooks]", width, "admin-webhooks");
        await page.GotoAsync("/admin/audit?action=" + Uri.EscapeDataString(AdminAuditActions.SentWebhookAgain));
        await Assertions.Expect(page.GetByText(Reason, new() { Exact = false })).ToBeVisibleAsync();
        Assert.True(admin.Errors.Count == 0, string.Join("\n", admin.Errors));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Layout_EndpointTurnedOffAfterFailures_OwnerSeesTheNoticeOnOtherPagesUntilTheyTurnItOn(int width)
    {
        await using var owner = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = owner.Page;
        await page.SetViewportSizeAsync(width, 900);
        await owner.SignInAsync("Grace Hopper");
        var workspaceId = (await _app.UserByEmailAsync("grace@sandbox.midx.test")).Id;
        await AddEndpointAsync(workspaceId, "https://hooks.example.com/midx", offAfterFailures: true);

        await page.GotoAsync("/history");
        var notice = page.Locator("[data-webhooks-off-notice]");
        await Assertions.Expect(notice).ToContainTextAsync("Midx turned off the webhook endpoint hooks.example.com of the Personal workspace after 20 failed attempts in a row.");
        await owner.WaitForCircuitAsync();
        await owner.ScreenshotAsync($"webhooks-off-notice-{width}");
        await page.Locator("[data-webhooks-off-link]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-webhook-disabled-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToHaveCountAsync(0);
        await owner.WaitForCircuitAsync();
        await page.Locator("[data-webhook-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-webhook-state]")).ToHaveTextAsync("On");
        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(notice).ToHaveCountAsync(0);
        Assert.True(owner.Errors.Count == 0, string.Join("\n", owner.Errors));
    }

    /// <summary>An endpoint of the workspace for post.failed events, on or turned off by Midx after 20 failures.</summary>
    private async Task<WebhookEndpoint> AddEndpointAsync(Guid workspaceId, string url, bool offAfterFailures = false)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var endpoint = new WebhookEndpoint
        {
            WorkspaceId = workspaceId, Url = url, Events = WebhookEventTypes.PostFailed, SecretCipher = "", CreatedByUserId = workspaceId, CreatedAt = DateTime.UtcNow,
        };
        if (offAfterFailures)
        {
            (endpoint.DisabledAt, endpoint.DisabledReason, endpoint.ConsecutiveFailures) = (DateTime.UtcNow, WebhookDisabledReason.Failures, 20);
        }

        endpoint.SecretCipher = scope.ServiceProvider.GetRequiredService<WebhookSecret>().Protect(endpoint.Id, WebhookSecret.New());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    /// <summary>An endpoint of the workspace and one post.failed event queued to it, which the app's dispatcher sends.</summary>
    private async Task AddDeliveredEventAsync(Guid workspaceId, string url)
    {
        var endpoint = await AddEndpointAsync(workspaceId, url);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        db.WebhookDeliveries.Add(TestDeliveries.PostEvent(endpoint.Id, workspaceId));
        await db.SaveChangesAsync();
    }

    /// <summary>Saves the card alone as <c>{name}-{width}.png</c>, in a viewport as tall as the page so the fixed app bar does not cover it.</summary>
    private static async Task ScreenshotCardAsync(IPage page, string selector, int width, string name)
    {
        await page.SetViewportSizeAsync(width, 3200);
        var card = (await page.Locator(selector).BoundingBoxAsync())!;
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png"),
            Clip = new Clip { X = Math.Max(card.X - 16, 0), Y = card.Y - 16, Width = Math.Min(card.Width + 32, width), Height = card.Height + 32 },
        });
    }

    /// <summary>Two events of the owner's workspace, as its posts would make them: the receiver refuses the first attempt of one.</summary>
    private async Task QueueEventsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var endpoint = await db.WebhookEndpoints.SingleAsync();
        foreach (var type in new[] { "post.failed", "post.status_changed" })
        {
            db.WebhookDeliveries.Add(TestDeliveries.PostEvent(endpoint.Id, endpoint.WorkspaceId, type));
            await db.SaveChangesAsync();
            await Task.Delay(1000);
        }
    }

    public void Dispose() => _app.Dispose();
}
