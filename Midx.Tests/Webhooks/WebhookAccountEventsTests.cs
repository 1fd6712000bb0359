using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.TikTok;
using Midx.Core.Webhooks;
using Midx.Tests.TikTok;

namespace Midx.Tests.Webhooks;

/// <summary>
/// The token refresh marks an account "needs reconnect" with a conditional UPDATE that the change tracker never sees; its
/// event is staged in the same transaction all the same, and only when the mark is really written.
/// </summary>
public sealed class WebhookAccountEventsTests
{
    [Fact]
    public async Task Refresh_TikTokRefusesTheGrant_StagesAccountNeedsReconnectWithTheMark()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var account = await services.LinkAccountAsync(TokenGrants.New(expiresIn: 7200));
        var endpoint = await AddEndpointAsync(services, account.WorkspaceId);
        services.Handler.Reply((_, _) => Task.FromResult(TokenGrants.InvalidGrant()));
        services.Time.Advance(TimeSpan.FromHours(2));

        var result = await services.InScopeAsync(sp => sp.GetRequiredService<RefreshTikTokTokenCommand>()
            .ExecuteAsync(account.Id, TokenRefreshReason.Scheduled, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, result.Outcome);
        var delivery = await services.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync());
        Assert.Equal((endpoint.Id, "account.needs_reconnect", WebhookDeliveryStatus.Pending, services.Time.GetUtcNow().UtcDateTime),
            (delivery.EndpointId, delivery.EventType, delivery.Status, delivery.NextAttemptAt));
        var data = JsonDocument.Parse(delivery.Payload).RootElement.GetProperty("data");
        Assert.Equal((account.Id, "needs_reconnect"), (data.GetProperty("accountId").GetGuid(), data.GetProperty("tokenState").GetString()));

        await services.InScopeAsync(sp => sp.GetRequiredService<RefreshTikTokTokenCommand>()
            .ExecuteAsync(account.Id, TokenRefreshReason.Scheduled, CancellationToken.None));
        Assert.Equal(1, await services.WithDbAsync(db => db.WebhookDeliveries.CountAsync()));
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    private static async Task<WebhookEndpoint> AddEndpointAsync(TikTokTestServices services, Guid workspaceId)
    {
        var endpoint = new WebhookEndpoint
        {
            WorkspaceId = workspaceId, Url = "https://hooks.example.com/midx", Events = WebhookEventTypes.AccountNeedsReconnect, SecretCipher = "cipher",
            CreatedAt = services.Time.GetUtcNow().UtcDateTime,
        };
        await services.WithDbAsync(db =>
        {
            db.WebhookEndpoints.Add(endpoint);
            return db.SaveChangesAsync();
        });
        return endpoint;
    }
}
