using Microsoft.AspNetCore.SignalR;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>Forwards every job update from the in-process bus to its owner's group and the admins' group.</summary>
public sealed class PublishHubForwarder(JobUpdateBus bus, IHubContext<PublishHub> hub) : IHostedService
{
    /// <summary>The client method the browser listens to (wwwroot/js/live-status.js).</summary>
    public const string Method = "jobUpdated";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe((update, token) =>
            hub.Clients.Groups(PublishHub.UserGroup(update.UserId), PublishHub.AdminsGroup).SendAsync(Method, update, token));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
