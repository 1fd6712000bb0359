using Microsoft.AspNetCore.SignalR;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Forwards every job update from the in-process bus to this instance's connections of its owner and of the admins,
/// those whose session still stands (<see cref="PublishHubConnections"/>).
/// </summary>
public sealed class PublishHubForwarder(JobUpdateBus bus, PublishHubConnections connections, IHubContext<PublishHub> hub) : IHostedService
{
    /// <summary>The client method the browser listens to (wwwroot/js/live-status.js).</summary>
    public const string Method = "jobUpdated";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(async (update, token) =>
        {
            var audience = await connections.AudienceAsync(update.UserId, token);
            if (audience.Count > 0)
            {
                await hub.Clients.Clients(audience).SendAsync(Method, update, token);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
