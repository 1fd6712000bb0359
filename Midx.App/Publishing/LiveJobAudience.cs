using System.Collections.Concurrent;

using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.App.Publishing;

/// <summary>
/// This instance's circuits that follow jobs live (their <see cref="LiveJobFeed"/>), each with the user and security stamp its
/// session was opened with, and the check that ends those whose session has ended.
/// Why: authentication is checked per HTTP request, and a circuit is one long connection, so a circuit opened before
/// its user was disabled, deleted or re-stamped ("revoke all keys", a role change) would go on receiving updates.
/// Design: every instance checks only its own circuits, against the shared database, with the check the session
/// cookie gets on every request (<see cref="SessionStampQuery"/>); nothing has to travel between instances, so it holds
/// on any number of them. The check runs before every delivery (<see cref="LiveJobForwarder"/>): an update goes only to
/// the circuits whose session still stands, and the others are ended, so no update ever reaches an ended session,
/// however it ended. One query per distinct session, however many tabs it has open. A circuit that hears nothing is
/// signed out by <see cref="Accounts.CircuitSessionRevalidation"/> within its interval.
/// </summary>
public sealed class LiveJobAudience(IServiceScopeFactory scopes, ILogger<LiveJobAudience> logger)
{
    private readonly ConcurrentDictionary<LiveJobFeed, byte> _live = new(ReferenceEqualityComparer.Instance);

    public int Count => _live.Count;

    public void Add(LiveJobFeed feed) => _live[feed] = 0;

    public void Remove(LiveJobFeed feed) => _live.TryRemove(feed, out _);

    /// <summary>
    /// The feeds an update of a job in <paramref name="workspaceId"/> goes to: those of its members who may see it,
    /// asked of the database as the update goes out (so a member removed a moment ago hears nothing more), and the
    /// admins', once their sessions are checked (those that ended are ended and left out).
    /// </summary>
    public async Task<IReadOnlyList<LiveJobFeed>> AudienceAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var feeds = _live.Keys.ToList();
        if (feeds.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var listening = feeds.Where(f => !f.IsAdmin).Select(f => f.UserId).Distinct().ToList();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var members = listening.Count == 0 ? []
            : (await db.MembersWhere(workspaceId, listening, WorkspacePermission.View).ToListAsync(cancellationToken)).ToHashSet();
        return await StandingAsync(feeds.Where(f => f.IsAdmin || members.Contains(f.UserId)).ToList(), scope, cancellationToken);
    }

    private async Task<IReadOnlyList<LiveJobFeed>> StandingAsync(List<LiveJobFeed> feeds, AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        if (feeds.Count == 0)
        {
            return [];
        }

        var sessions = scope.ServiceProvider.GetRequiredService<SessionStampQuery>();
        var verdicts = new Dictionary<(Guid, string), bool>();
        var standing = new List<LiveJobFeed>(feeds.Count);
        foreach (var feed in feeds)
        {
            var session = (feed.UserId, feed.SecurityStamp);
            if (!verdicts.TryGetValue(session, out var stands))
            {
                verdicts[session] = stands = await sessions.ExecuteAsync(feed.UserId, feed.SecurityStamp, cancellationToken);
            }

            if (stands)
            {
                standing.Add(feed);
            }
            else if (_live.TryRemove(feed, out _))
            {
                logger.LogInformation("Ending the live updates of user {UserId}: the session has ended", feed.UserId);
                feed.End();
            }
        }

        return standing;
    }
}
