using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.TikTok;
using Midx.Core.Publishing;
using Midx.Core.Webhooks;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Webhooks;

/// <summary>
/// The whole app: a post goes through the real publish worker and the sandbox TikTok, and the app's own dispatcher
/// tells a receiver on loopback, signed; a disconnect, whose DELETE bypasses the change tracker, is told too.
/// </summary>
public sealed class WebhooksInTheAppTests
{
    [Fact]
    public async Task Publish_ThenDisconnect_ReceiverGetsPostPublishedAndAccountDisconnectedSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await WorkerTestApp.StartAsync("public", settings: new Dictionary<string, string?>
        {
            ["Midx:Webhooks:AllowPrivateAddresses"] = "true",
            ["Midx:Webhooks:PollInterval"] = "00:00:00.200",
        });
        string secret;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<WebhookEndpointCommands>().CreateAsync(app.UserId, app.UserId, receiver.Url,
                WebhookEventTypes.PostPublished | WebhookEventTypes.AccountDisconnected, CancellationToken.None);
            Assert.True(issued.Result.Succeeded, issued.Result.Message);
            secret = issued.Secret!;
        }

        var jobId = await app.Client.SubmitAsync(caption: "Harbour at dusk");
        await app.WaitForStateAsync(jobId, JobState.Published);
        // Deliveries due in one round go out side by side; waiting keeps the two events in a known order.
        await ReceivedAsync(receiver, 1);
        using (await app.Client.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(app.AccountId)))
        {
        }

        await ReceivedAsync(receiver, 2);

        var received = receiver.Requests.ToList();
        Assert.Equal(["post.published", "account.disconnected"], received.Select(r => r.EventType));
        Assert.All(received, r => Assert.True(WebhookReceiver.Verifies(secret, r.Signature, r.Body, DateTimeOffset.UtcNow), r.EventType));
        var published = JsonDocument.Parse(received[0].Body).RootElement;
        Assert.Equal((jobId, "published"), (published.GetProperty("data").GetProperty("postId").GetGuid(), published.GetProperty("data").GetProperty("state").GetString()));
        var disconnected = JsonDocument.Parse(received[1].Body).RootElement.GetProperty("data");
        Assert.Equal(app.AccountId, disconnected.GetProperty("accountId").GetGuid());
        Assert.Equal(JsonValueKind.Null, disconnected.GetProperty("tokenState").ValueKind);
    }

    private static async Task ReceivedAsync(WebhookReceiver receiver, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (receiver.Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
