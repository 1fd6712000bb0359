using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.Core.Data;
using Midx.Core.Webhooks;
using Midx.Tests.Browser;
using Midx.Tests.Support;

namespace Midx.Tests.Webhooks;

/// <summary>An Owner adds an endpoint in the browser, copies its secret, and reads the deliveries the app's own dispatcher made.</summary>
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
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (receiver.Requests.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await page.ReloadAsync();
        await owner.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-webhook-delivery-status]")).ToHaveTextAsync(["Delivered", "Retrying"]);
        // A viewport as tall as the page, so the fixed app bar does not cover the card.
        await page.SetViewportSizeAsync(width, 3200);
        var card = (await page.Locator("[data-webhooks]").BoundingBoxAsync())!;
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"webhooks-{width}.png"),
            Clip = new Clip { X = Math.Max(card.X - 16, 0), Y = card.Y - 16, Width = Math.Min(card.Width + 32, width), Height = card.Height + 32 },
        });
        Assert.True(owner.Errors.Count == 0, string.Join("\n", owner.Errors));
    }

    /// <summary>Two events of the owner's workspace, as its posts would make them: the receiver refuses the first attempt of one.</summary>
    private async Task QueueEventsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var endpoint = await db.WebhookEndpoints.SingleAsync();
        foreach (var type in new[] { "post.failed", "post.status_changed" })
        {
            var eventId = Guid.CreateVersion7();
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint.Id, EventId = eventId, EventType = type, CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
                Payload = new WebhookPayload(eventId, type, DateTime.UtcNow, endpoint.WorkspaceId,
                    new WebhookPostData(Guid.CreateVersion7(), null, "failed", "processing", "spam_risk_too_many_posts", null)).ToJson(),
            });
            await db.SaveChangesAsync();
            await Task.Delay(1000);
        }
    }

    public void Dispose() => _app.Dispose();
}
