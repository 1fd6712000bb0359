using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Forwards every job update from the in-process bus (which also brings other instances' updates on PostgreSQL) to this
/// instance's circuits of the members of the job's workspace and of the admins, those whose session still stands (<see cref="LiveJobAudience"/>).
/// </summary>
public sealed class LiveJobForwarder(JobUpdateBus bus, LiveJobAudience audience) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(async (update, token) =>
        {
            foreach (var feed in await audience.AudienceAsync(update.WorkspaceId, token))
            {
                feed.Deliver(update);
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
