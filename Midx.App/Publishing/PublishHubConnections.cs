using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Midx.App.Accounts;
using Midx.Core.Accounts;

namespace Midx.App.Publishing;

/// <summary>
/// The publish hub's live connections on this instance, each with the user and security stamp its session was opened
/// with, and the check that closes those whose session has ended.
/// Why: authentication is checked per HTTP request, and a WebSocket is one long request, so a connection opened before
/// its user was disabled, deleted or re-stamped ("revoke all keys", a role change) would go on receiving updates until
/// it reconnected.
/// Design: every instance checks only its own connections, against the shared database, with the check the session
/// cookie gets on every request (<see cref="SessionStampQuery"/>); nothing has to travel between instances, so it holds
/// on any number of them. The check runs
/// <list type="bullet">
/// <item>before every send (<see cref="PublishHubForwarder"/>): an update goes only to the connections whose session
/// still stands, and the others are closed, so no update ever reaches an ended session, however it ended;</item>
/// <item>over all connections every <see cref="PublishHubSessionWorker.Interval"/>, so the idle connection of an ended
/// session closes too (a deleted user's gets no update that would close it).</item>
/// </list>
/// A session that simply runs out closes at its cookie's expiry (<c>CloseOnAuthenticationExpiration</c>).
/// </summary>
public sealed class PublishHubConnections(IServiceScopeFactory scopes, ILogger<PublishHubConnections> logger)
{
    private readonly ConcurrentDictionary<string, LiveConnection> _live = new(StringComparer.Ordinal);

    public int Count => _live.Count;

    /// <summary>Adds a connection the hub has accepted; one whose session carries no user or stamp is closed.</summary>
    public void Add(HubCallerContext context)
    {
        var user = context.User;
        if (user?.GetUserId() is not { } userId || user.FindFirstValue(SessionPrincipal.SecurityStampClaim) is not { } stamp)
        {
            context.Abort();
            return;
        }

        _live[context.ConnectionId] = new LiveConnection(userId, stamp, user.IsInRole(AdminPolicy.Role), context);
    }

    public void Remove(string connectionId) => _live.TryRemove(connectionId, out _);

    /// <summary>
    /// The connections an update of <paramref name="ownerId"/>'s job goes to: the owner's and the admins', once their
    /// sessions are checked (those that ended are closed and left out).
    /// </summary>
    public Task<IReadOnlyList<string>> AudienceAsync(Guid ownerId, CancellationToken cancellationToken) =>
        StandingAsync(_live.Where(c => c.Value.UserId == ownerId || c.Value.IsAdmin).ToList(), cancellationToken);

    /// <summary>Checks every connection's session and closes those that ended; returns how many it closed.</summary>
    public async Task<int> CloseEndedAsync(CancellationToken cancellationToken)
    {
        var all = _live.ToList();
        return all.Count - (await StandingAsync(all, cancellationToken)).Count;
    }

    private async Task<IReadOnlyList<string>> StandingAsync(List<KeyValuePair<string, LiveConnection>> connections, CancellationToken cancellationToken)
    {
        if (connections.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionStampQuery>();
        var verdicts = new Dictionary<(Guid, string), bool>();
        var standing = new List<string>(connections.Count);
        foreach (var (connectionId, connection) in connections)
        {
            var session = (connection.UserId, connection.Stamp);
            if (!verdicts.TryGetValue(session, out var stands))
            {
                verdicts[session] = stands = await sessions.ExecuteAsync(connection.UserId, connection.Stamp, cancellationToken);
            }

            if (stands)
            {
                standing.Add(connectionId);
            }
            else if (_live.TryRemove(connectionId, out _))
            {
                logger.LogInformation("Closing live connection {ConnectionId} of user {UserId}: the session has ended", connectionId, connection.UserId);
                connection.Context.Abort();
            }
        }

        return standing;
    }

    private sealed record LiveConnection(Guid UserId, string Stamp, bool IsAdmin, HubCallerContext Context);
}
