using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Midx.App.Publishing;

/// <summary>
/// Pushes job changes to the browser. Clients never choose what they hear: each update goes to its owner's connections
/// and the admins' (<see cref="PublishHubConnections.AudienceAsync"/>), so a message reaches only its owner and admins.
/// Only signed-in users may connect: every request of the connection (negotiate, each long poll, the WebSocket
/// upgrade) goes through the session cookie's check, so a signed-out, disabled or re-stamped user gets a 401
/// (see <see cref="Accounts.SessionCookieEvents"/>), never a redirect to the sign-in page. A connection that is already
/// open when its session ends is closed by <see cref="PublishHubConnections"/>.
/// </summary>
[Authorize]
public sealed class PublishHub(PublishHubConnections connections) : Hub
{
    public const string Path = "/hubs/publish";

    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
