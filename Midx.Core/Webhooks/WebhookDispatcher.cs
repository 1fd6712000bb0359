using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Midx.Core.Webhooks;

/// <summary>
/// One round of a dispatcher: claims the due deliveries it has room for and sends them side by side, each in its own
/// scope (and so its own <c>DbContext</c>), waiting for all of them. An attempt ends within <see cref="WebhookOptions.Timeout"/>,
/// well inside the lease, so a lease is never renewed.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger)
{
    /// <summary>Sends what is due now; the number of deliveries attempted.</summary>
    public async Task<int> DispatchDueAsync(string owner, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<ClaimDueWebhookDeliveriesCommand>()
                .ExecuteAsync(owner, options.Value.MaxConcurrentDeliveries, cancellationToken);
        }

        await Task.WhenAll(claimed.Select(id => SendAsync(id, owner, cancellationToken)));
        return claimed.Count;
    }

    private async Task SendAsync(Guid deliveryId, string owner, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendWebhookDeliveryCommand>().ExecuteAsync(deliveryId, owner, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database was away for a moment: the lease runs out and the delivery is tried again.
            logger.LogError(e, "Webhook delivery {DeliveryId} could not be sent or recorded; it is tried again when its lease ends", deliveryId);
        }
    }
}
