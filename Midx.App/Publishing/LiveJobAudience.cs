using System.Collections.Concurrent;

using Midx.Core.Accounts;

namespace Midx.App.Publishing;

/// <summary>
/// This instance's live listeners (<see cref="ILiveJobListener"/>), each with the user and security stamp its session
/// was opened with, and the check that ends those whose session has ended.
/// Why: authentication is checked per HTTP request, and a circuit or a WebSocket is one long connection, so a listener
/// opened before its user was disabled, deleted or re-stamped ("revoke all keys", a role change) would go on receiving
/// updates.
/// Design: every instance checks only its own listeners, against the shared database, with the check the session
/// cookie gets on every request (<see cref="SessionStampQuery"/>); nothing has to travel between instances, so it holds
/// on any number of them. The check runs
/// <list type="bullet">
/// <item>before every delivery (<see cref="LiveJobForwarder"/>): an update goes only to the listeners whose session
/// still stands, and the others are ended, so no update ever reaches an ended session, however it ended;</item>
/// <item>over all listeners every <see cref="LiveJobSessionWorker.Interval"/>, so an idle listener of an ended session
/// ends too.</item>
/// </list>
/// One query per distinct session, however many tabs it has open.
/// </summary>
public sealed class LiveJobAudience(IServiceScopeFactory scopes, ILogger<LiveJobAudience> logger)
{
    private readonly ConcurrentDictionary<ILiveJobListener, byte> _live = new(ReferenceEqualityComparer.Instance);

    public int Count => _live.Count;

    public void Add(ILiveJobListener listener) => _live[listener] = 0;

    public void Remove(ILiveJobListener listener) => _live.TryRemove(listener, out _);

    /// <summary>
    /// The listeners an update of <paramref name="ownerId"/>'s job goes to: the owner's and the admins', once their
    /// sessions are checked (those that ended are ended and left out).
    /// </summary>
    public Task<IReadOnlyList<ILiveJobListener>> AudienceAsync(Guid ownerId, CancellationToken cancellationToken) =>
        StandingAsync(_live.Keys.Where(l => l.UserId == ownerId || l.IsAdmin).ToList(), cancellationToken);

    /// <summary>Checks every listener's session and ends those that ended; returns how many it ended.</summary>
    public async Task<int> CloseEndedAsync(CancellationToken cancellationToken)
    {
        var all = _live.Keys.ToList();
        return all.Count - (await StandingAsync(all, cancellationToken)).Count;
    }

    private async Task<IReadOnlyList<ILiveJobListener>> StandingAsync(List<ILiveJobListener> listeners, CancellationToken cancellationToken)
    {
        if (listeners.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionStampQuery>();
        var verdicts = new Dictionary<(Guid, string), bool>();
        var standing = new List<ILiveJobListener>(listeners.Count);
        foreach (var listener in listeners)
        {
            var session = (listener.UserId, listener.SecurityStamp);
            if (!verdicts.TryGetValue(session, out var stands))
            {
                verdicts[session] = stands = await sessions.ExecuteAsync(listener.UserId, listener.SecurityStamp, cancellationToken);
            }

            if (stands)
            {
                standing.Add(listener);
            }
            else if (_live.TryRemove(listener, out _))
            {
                logger.LogInformation("Ending a live view of user {UserId}: the session has ended", listener.UserId);
                listener.End();
            }
        }

        return standing;
    }
}
