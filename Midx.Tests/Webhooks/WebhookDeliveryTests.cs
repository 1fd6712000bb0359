using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Webhooks;

namespace Midx.Tests.Webhooks;

/// <summary>
/// Events from the state changes that cause them to a real receiver on loopback: signed, retried with backoff, given up
/// after the retry window, the endpoint disabled after a run of failures, and a delivery of a dead dispatcher sent again.
/// </summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task Dispatch_PostMovesToAnotherState_ReceiverGetsOneSignedEventWithItsId()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (endpointId, secret) = await harness.AddEndpointAsync(receiver.Url);

        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        Assert.Equal(1, await harness.DispatchAsync());

        var received = Assert.Single(receiver.Requests);
        Assert.True(WebhookReceiver.Verifies(secret, received.Signature, received.Body, harness.Time.GetUtcNow()), received.Signature);
        Assert.False(WebhookReceiver.Verifies(secret, received.Signature, received.Body.Replace("initializing", "published"), harness.Time.GetUtcNow()));
        Assert.False(WebhookReceiver.Verifies(secret, received.Signature, received.Body, harness.Time.GetUtcNow().AddMinutes(6)));
        using var payload = JsonDocument.Parse(received.Body);
        var root = payload.RootElement;
        Assert.Equal(received.EventId, root.GetProperty("id").GetString());
        Assert.Equal(("post.status_changed", "post.status_changed"), (received.EventType, root.GetProperty("type").GetString()));
        Assert.Equal(harness.User.Id, root.GetProperty("workspaceId").GetGuid());
        Assert.Equal(harness.Now, root.GetProperty("createdAt").GetDateTime());
        var data = root.GetProperty("data");
        Assert.Equal(harness.Job.Id, data.GetProperty("postId").GetGuid());
        Assert.Equal(harness.Account.Id, data.GetProperty("accountId").GetGuid());
        Assert.Equal(("initializing", "queued"), (data.GetProperty("state").GetString(), data.GetProperty("previousState").GetString()));
        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((endpointId, WebhookDeliveryStatus.Delivered, 1, 200, "ok"),
            (delivery.EndpointId, delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.LastResponseExcerpt));
        Assert.Null(delivery.LeaseOwner);
        Assert.Equal(0, await harness.DispatchAsync());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Dispatch_PostFails_SubscribedEndpointGetsPostFailedWithTheErrorCode()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await harness.AddEndpointAsync(receiver.Url, WebhookEventTypes.PostFailed);

        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        await harness.MoveJobAsync(new JobChange(JobState.Failed) { ErrorCode = ErrorCatalog.SpamRiskTooManyPosts, Message = "Too many", LogId = "log-1" });
        await harness.DispatchAsync();

        var received = Assert.Single(receiver.Requests);
        Assert.Equal("post.failed", received.EventType);
        var data = JsonDocument.Parse(received.Body).RootElement.GetProperty("data");
        Assert.Equal(("failed", "spam_risk_too_many_posts", "log-1"),
            (data.GetProperty("state").GetString(), data.GetProperty("errorCode").GetString(), data.GetProperty("logId").GetString()));
    }

    [Fact]
    public async Task Outbox_NoEndpointOrANoteWithoutAMove_WritesNoDelivery()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        Assert.Empty(await harness.DeliveriesAsync());

        await using var receiver = await WebhookReceiver.StartAsync();
        await harness.AddEndpointAsync(receiver.Url);
        await harness.NoteJobAsync("Held while its composer is disabled.");

        Assert.Empty(await harness.DeliveriesAsync());
    }

    [Fact]
    public async Task Outbox_SaveLosesToAConcurrentMove_NoEventIsLeftBehind()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await harness.AddEndpointAsync(receiver.Url);

        await harness.RunAsync(async (Midx.Core.Data.MidxDbContext db) =>
        {
            var stale = await db.PublishJobs.SingleAsync(j => j.Id == harness.Job.Id);
            await harness.MoveJobAsync(new JobChange(JobState.Cancelled));
            stale.State = JobState.Initializing;
            db.PublishEvents.Add(new PublishEvent { JobId = stale.Id, At = harness.Now, State = JobState.Initializing });
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.Empty(db.ChangeTracker.Entries<WebhookDelivery>());
            return 0;
        });

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Contains("\"state\":\"cancelled\"", delivery.Payload);
    }

    [Fact]
    public async Task Outbox_TrackedAccountTurnsNeedsReconnect_StagesAccountNeedsReconnect()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await harness.AddEndpointAsync(receiver.Url, WebhookEventTypes.AccountNeedsReconnect);

        await harness.RunAsync(async (Midx.Core.Data.MidxDbContext db) =>
        {
            TikTokTokenVault.MarkNeedsReconnect(await db.TikTokAccounts.SingleAsync(), "Reconnect it.");
            return await db.SaveChangesAsync();
        });
        await harness.DispatchAsync();

        var received = Assert.Single(receiver.Requests);
        Assert.Equal("account.needs_reconnect", received.EventType);
        var data = JsonDocument.Parse(received.Body).RootElement.GetProperty("data");
        Assert.Equal((harness.Account.Id, "needs_reconnect"), (data.GetProperty("accountId").GetGuid(), data.GetProperty("tokenState").GetString()));
    }

    [Fact]
    public async Task Dispatch_EndpointAnswers500Twice_RetriesWithDoublingPausesThenDelivers()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        var (endpointId, _) = await harness.AddEndpointAsync(receiver.Url);
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));

        await harness.DispatchAsync();
        var first = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 500, ErrorCatalog.WebhookHttpError.Value, "receiver refused with 500", harness.Now.AddSeconds(30)),
            (first.Status, first.Attempts, first.LastStatusCode, first.LastErrorCode, first.LastResponseExcerpt, first.NextAttemptAt));
        Assert.Equal(0, await harness.DispatchAsync());

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.DispatchAsync();
        var second = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((2, 503, harness.Now.AddMinutes(1)), (second.Attempts, second.LastStatusCode, second.NextAttemptAt));
        Assert.Equal(2, await harness.ReadAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.ConsecutiveFailures).SingleAsync()));

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.DispatchAsync();

        var done = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((WebhookDeliveryStatus.Delivered, 3, 200, (string?)null), (done.Status, done.Attempts, done.LastStatusCode, done.LastErrorCode));
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.EventId).Distinct());
        Assert.Equal(0, await harness.ReadAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.ConsecutiveFailures).SingleAsync()));
    }

    [Fact]
    public async Task Dispatch_EndpointAnswersTooLate_TimeoutRecordedAndTriedAgainLater()
    {
        await using var harness = await WebhooksHarness.CreateAsync(o => o.Timeout = TimeSpan.FromSeconds(1));
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(5);
        await harness.AddEndpointAsync(receiver.Url);
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));

        var started = DateTime.UtcNow;
        await harness.DispatchAsync();

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((WebhookDeliveryStatus.Pending, ErrorCatalog.WebhookTimeout.Value, (int?)null, harness.Now.AddSeconds(30)),
            (delivery.Status, delivery.LastErrorCode, delivery.LastStatusCode, delivery.NextAttemptAt));
    }

    [Fact]
    public async Task Dispatch_EndpointFailsForADay_GivenUpAfterTheRetryWindowAndNeverSentAgain()
    {
        await using var harness = await WebhooksHarness.CreateAsync(o => o.DisableAfterFailures = 1000);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ThenStatus = 500;
        await harness.AddEndpointAsync(receiver.Url);
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        var eventAt = harness.Now;

        WebhookDelivery delivery;
        while ((delivery = Assert.Single(await harness.DeliveriesAsync())).Status == WebhookDeliveryStatus.Pending)
        {
            harness.Time.SetUtcNow(delivery.NextAttemptAt!.Value);
            Assert.Equal(1, await harness.DispatchAsync());
        }

        Assert.Equal(WebhookDeliveryStatus.GivenUp, delivery.Status);
        Assert.Equal(eventAt.AddHours(24), delivery.LastAttemptAt);
        Assert.Null(delivery.NextAttemptAt);
        Assert.InRange(delivery.Attempts, 25, 40);
        Assert.Equal(delivery.Attempts, receiver.Requests.Count);
        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await harness.DispatchAsync());
    }

    [Fact]
    public async Task Dispatch_RunOfFailures_DisablesTheEndpointAuditedAndSendsNothingMore()
    {
        await using var harness = await WebhooksHarness.CreateAsync(o => o.DisableAfterFailures = 3);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ThenStatus = 500;
        var (endpointId, _) = await harness.AddEndpointAsync(receiver.Url);
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, await harness.DispatchAsync());
            harness.Time.Advance(TimeSpan.FromHours(1));
        }

        var endpoint = await harness.ReadAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId));
        Assert.Equal((WebhookDisabledReason.Failures, 3), (endpoint.DisabledReason, endpoint.ConsecutiveFailures));
        Assert.NotNull(endpoint.DisabledAt);
        var audit = await harness.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == WebhookAuditActions.DisabledAfterFailures).ToListAsync());
        Assert.Contains(endpointId.ToString(), Assert.Single(audit).Detail);
        Assert.Equal(0, await harness.DispatchAsync());
        await harness.MoveJobAsync(new JobChange(JobState.Failed) { ErrorCode = ErrorCatalog.Internal });
        Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Dispatch_DispatcherDiedHoldingTheDelivery_AnotherSendsItOnceTheLeaseRunsOut()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await harness.AddEndpointAsync(receiver.Url);
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        var claimed = await harness.RunAsync((ClaimDueWebhookDeliveriesCommand claim) => claim.ExecuteAsync("died-mid-delivery", 10, CancellationToken.None));
        Assert.Single(claimed);

        Assert.Equal(0, await harness.DispatchAsync("survivor"));
        harness.Time.Advance(new WebhookOptions().LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.DispatchAsync("survivor"));

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
        Assert.Single(receiver.Requests);
        // The dead dispatcher's late write (had it come back) changes nothing: its lease is gone.
        await harness.RunAsync((SendWebhookDeliveryCommand send) => send.ExecuteAsync(delivery.Id, "died-mid-delivery", CancellationToken.None).ContinueWith(_ => 0));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task SendAgain_DeliveredEvent_QueuesANewDeliveryOfTheSameEventAndBody()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = await DeliverOneEventAsync(harness, receiver);

        var result = await harness.RunAsync((WebhookEndpointCommands commands) => commands.SendAgainAsync(harness.User.Id, harness.User.Id, first.Id, CancellationToken.None));
        Assert.True(result.Succeeded, result.Message);
        await harness.DispatchAsync();

        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].EventId, requests[1].EventId);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.NotEqual(requests[0].DeliveryId, requests[1].DeliveryId);
        Assert.Single(await harness.ReadAsync(db => db.AuditEvents.Where(a => a.Action == WebhookAuditActions.SentAgain).ToListAsync()));
    }

    [Fact]
    public async Task AdminSendAgain_WithAReason_SendsTheSameEventAgainAndAuditsTheReason()
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = await DeliverOneEventAsync(harness, receiver);
        var adminId = Guid.CreateVersion7();

        var result = await harness.RunAsync((SendWebhookAgainCommand command) =>
            command.ExecuteAsync(adminId, harness.User.Id, first.Id, "  The receiver lost its copy in an outage.  ", CancellationToken.None));
        Assert.Equal(AdminActionOutcome.Done, result.Outcome);
        Assert.Equal($"The {first.EventType} event is queued for {new Uri(receiver.Url).Authority} again.", result.Message);
        await harness.DispatchAsync();

        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal((requests[0].EventId, requests[0].Body), (requests[1].EventId, requests[1].Body));
        var audit = Assert.Single(await harness.ReadAsync(db => db.AuditEvents.Where(a => a.Action == AdminAuditActions.SentWebhookAgain).ToListAsync()));
        Assert.Equal(adminId, audit.ActorUserId);
        Assert.EndsWith($"in workspace {harness.User.Id}; reason: The receiver lost its copy in an outage.", audit.Detail);
    }

    [Theory]
    [InlineData("   ", false, AdminActionOutcome.Refused)]
    [InlineData("The owner asked for it.", true, AdminActionOutcome.NotFound)]
    public async Task AdminSendAgain_NoReasonOrAnotherWorkspace_QueuesNothing(string reason, bool otherWorkspace, AdminActionOutcome outcome)
    {
        await using var harness = await WebhooksHarness.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = await DeliverOneEventAsync(harness, receiver);
        var workspaceId = otherWorkspace ? Guid.CreateVersion7() : harness.User.Id;

        var result = await harness.RunAsync((SendWebhookAgainCommand command) =>
            command.ExecuteAsync(Guid.CreateVersion7(), workspaceId, first.Id, reason, CancellationToken.None));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(otherWorkspace ? WebhookEndpointCommands.NoSuchDelivery : AdminActionReason.Missing, result.Message);
        Assert.Single(await harness.DeliveriesAsync());
        Assert.Empty(await harness.ReadAsync(db => db.AuditEvents.Where(a => a.Action == AdminAuditActions.SentWebhookAgain).ToListAsync()));
    }

    /// <summary>An endpoint on the receiver, and the post's next state delivered to it: the delivery a test sends again.</summary>
    private static async Task<WebhookDelivery> DeliverOneEventAsync(WebhooksHarness harness, WebhookReceiver receiver)
    {
        await harness.AddEndpointAsync(receiver.Url);
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));
        await harness.DispatchAsync();
        return Assert.Single(await harness.DeliveriesAsync());
    }
}
