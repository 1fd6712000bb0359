using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Someone on this instance following job updates live: a circuit's <see cref="LiveJobFeed"/>, or a connection of the
/// publish hub (the admin console's feed, until the console runs on the circuit too). <see cref="LiveJobAudience"/>
/// decides which listeners hear an update; a listener only hands it on.
/// </summary>
public interface ILiveJobListener
{
    Guid UserId { get; }

    /// <summary>The security stamp the listener's session was opened with, checked before every delivery.</summary>
    string SecurityStamp { get; }

    bool IsAdmin { get; }

    /// <summary>Hands over an update without waiting for whoever shows it; the forwarder serves every listener in turn.</summary>
    ValueTask DeliverAsync(JobUpdate update, CancellationToken cancellationToken);

    /// <summary>The session has ended: stop, and let the person see that they are signed out.</summary>
    void End();
}
