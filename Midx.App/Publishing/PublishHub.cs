using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Midx.App.Publishing;

/// <summary>
/// Pushes job changes to the browser. Clients never choose a group: the hub puts each connection into its own
/// user's group (and the admins' group for admins), so a message reaches only its owner and admins.
/// Only signed-in users may connect: every request of the connection (negotiate, each long poll, the WebSocket
/// upgrade) goes through the session cookie's check, so a signed-out, disabled or re-stamped user gets a 401
/// (see <see cref="Accounts.SessionCookieEvents"/>), never a redirect to the sign-in page.
/// </summary>
[Authorize]
public sealed class PublishHub : Hub
{
    public const string Path = "/hubs/publish";

    public static string UserGroup(Guid userId) => $"user:{userId:N}";

    public const string AdminsGroup = "admins";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Guid.TryParse(userId, out var id))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(id), Context.ConnectionAborted);
        }

        if (user?.IsInRole("Admin") == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AdminsGroup, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
