using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Midx.App.Accounts;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// Pushes job changes to the admin console's feed (wwwroot/js/admin-feed.js) until the console runs on the circuit like
/// the publishing pages. Clients never choose what they hear: each connection is a <see cref="ILiveJobListener"/> of
/// <see cref="LiveJobAudience"/>, which gives an update only to its owner and the admins, sessions checked first.
/// Only signed-in users may connect: every request of the connection (negotiate, each long poll, the WebSocket
/// upgrade) goes through the session cookie's check, so a signed-out, disabled or re-stamped user gets a 401
/// (see <see cref="SessionCookieEvents"/>), never a redirect to the sign-in page.
/// </summary>
[Authorize]
public sealed class PublishHub(LiveJobAudience audience, IHubContext<PublishHub> hub) : Hub
{
    public const string Path = "/hubs/publish";

    /// <summary>The client method the browser listens to.</summary>
    public const string Method = "jobUpdated";

    public override Task OnConnectedAsync()
    {
        var user = Context.User;
        if (user?.GetUserId() is not { } userId || user.FindFirstValue(SessionPrincipal.SecurityStampClaim) is not { } stamp)
        {
            Context.Abort();
            return Task.CompletedTask;
        }

        var listener = new Connection(userId, stamp, user.IsInRole(AdminPolicy.Role), Context, hub);
        Context.Items[typeof(Connection)] = listener;
        audience.Add(listener);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items[typeof(Connection)] is Connection listener)
        {
            audience.Remove(listener);
        }

        return base.OnDisconnectedAsync(exception);
    }

    private sealed record Connection(Guid UserId, string SecurityStamp, bool IsAdmin, HubCallerContext Context, IHubContext<PublishHub> Hub)
        : ILiveJobListener
    {
        public async ValueTask DeliverAsync(JobUpdate update, CancellationToken cancellationToken) =>
            await Hub.Clients.Client(Context.ConnectionId).SendAsync(Method, update, cancellationToken);

        public void End() => Context.Abort();
    }
}
