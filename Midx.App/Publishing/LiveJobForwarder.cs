using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Forwards every job update from the in-process bus (which also brings other instances' updates on PostgreSQL) to this
/// instance's listeners of its owner and of the admins, those whose session still stands (<see cref="LiveJobAudience"/>).
/// </summary>
public sealed class LiveJobForwarder(JobUpdateBus bus, LiveJobAudience audience, ILogger<LiveJobForwarder> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(async (update, token) =>
        {
            foreach (var listener in await audience.AudienceAsync(update.UserId, token))
            {
                try
                {
                    await listener.DeliverAsync(update, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One listener's broken connection must not keep the update from the others.
                    logger.LogWarning(e, "The update of job {JobId} could not be handed to a live view", update.JobId);
                }
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
