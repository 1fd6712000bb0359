using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.Webhooks;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Webhooks;

/// <summary>
/// The app stops while a delivery is on the wire, as a deploy stops it, and the next app on the same database sends it
/// once the first dispatcher's lease runs out: the outbox loses nothing across a restart and records one attempt. A
/// crash (kill -9) leaves the same lease behind without even the cancelled request; WebhookDeliveryTests covers that
/// dead dispatcher.
/// </summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task Restart_WhileADeliveryIsOnTheWire_TheNextAppDeliversItOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMinutes(1);
        var app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["Midx:Webhooks:AllowPrivateAddresses"] = "true",
            ["Midx:Webhooks:PollInterval"] = "00:00:00.200",
            // The first app is stopped long before its attempt would time out; the lease is the shortest allowed past that.
            ["Midx:Webhooks:Timeout"] = "00:00:05",
            ["Midx:Webhooks:LeaseDuration"] = "00:00:11",
        });
        try
        {
            using (await app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper"))
            {
            }

            var workspaceId = (await app.UserByEmailAsync("grace@sandbox.midx.test")).Id;
            var (deliveryId, secret) = await QueueEventAsync(app, workspaceId, receiver.Url);
            await receiver.WaitForRequestsAsync(1);

            app = await app.RestartAsync();
            receiver.Delay = TimeSpan.Zero;
            _ = app.ServerAddress;
            // The first app's lease runs 11 s past its claim.
            await receiver.WaitForRequestsAsync(2, TimeSpan.FromSeconds(60));

            var requests = receiver.Requests.ToList();
            Assert.All(requests, r => Assert.Equal(deliveryId.ToString(), r.DeliveryId));
            Assert.Equal(requests[0].EventId, requests[1].EventId);
            Assert.True(WebhookReceiver.Verifies(secret, requests[1].Signature, requests[1].Body, requests[1].At));
            var delivery = await app.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
            Assert.Equal((WebhookDeliveryStatus.Delivered, 1, (string?)null), (delivery.Status, delivery.Attempts, delivery.LeaseOwner));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(2, receiver.Requests.Count);
        }
        finally
        {
            app.Dispose();
        }
    }

    private static async Task<(Guid DeliveryId, string Secret)> QueueEventAsync(MidxAppFactory app, Guid workspaceId, string url)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var endpoint = await scope.ServiceProvider.GetRequiredService<WebhookEndpointCommands>()
            .CreateAsync(workspaceId, workspaceId, url, WebhookEventTypes.PostFailed, CancellationToken.None);
        Assert.True(endpoint.Result.Succeeded, endpoint.Result.Message);
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var delivery = TestDeliveries.PostEvent(endpoint.EndpointId!.Value, workspaceId);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return (delivery.Id, endpoint.Secret!);
    }

}
