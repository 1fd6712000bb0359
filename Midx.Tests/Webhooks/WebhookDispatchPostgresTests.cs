using Midx.Core.Publishing;
using Midx.Core.Webhooks;
using Midx.Tests.Support;

namespace Midx.Tests.Webhooks;

/// <summary>The dispatcher's claim on PostgreSQL (<c>FOR UPDATE SKIP LOCKED</c>), with two dispatchers at once as two instances run them.</summary>
public sealed class WebhookDispatchPostgresTests
{
    [Fact]
    public async Task Dispatch_TwoDispatchersAtOnceOnPostgres_EveryDeliveryIsSentExactlyOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var harness = await WebhooksHarness.CreateAsync(o => o.MaxConcurrentDeliveries = 4, database.ConnectionString);
        await using var receiver = await WebhookReceiver.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            await harness.AddEndpointAsync(receiver.Url, WebhookEventTypes.PostStatusChanged | WebhookEventTypes.PostFailed);
        }

        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        await harness.MoveJobAsync(new JobChange(JobState.Failed));
        var deliveries = (await harness.DeliveriesAsync()).Select(d => d.Id).ToList();
        Assert.Equal(18, deliveries.Count);

        var rounds = 0;
        while ((await Task.WhenAll(harness.DispatchAsync("instance-a"), harness.DispatchAsync("instance-b"))).Sum() > 0)
        {
            rounds++;
        }

        Assert.Equal(deliveries.Order(), receiver.Requests.Select(r => Guid.Parse(r.DeliveryId)).Order());
        Assert.All(await harness.DeliveriesAsync(), d => Assert.Equal((WebhookDeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
        Assert.InRange(rounds, 3, 5);
    }
}
