using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Midx.App.Accounts;
using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// A circuit's live job updates: one per circuit (a scoped service lives as long as its circuit), shared by every
/// component on it that follows jobs. It joins <see cref="LiveJobAudience"/> as its circuit's user when the first
/// component subscribes, so it hears exactly what that user may see (the jobs of the workspaces they belong to; every job for an admin).
/// Why a queue: the forwarder serves every listener of the instance and must never wait for one circuit's rendering, so
/// updates are queued here and handed to the components by this circuit's own loop. The queue is bounded; when a
/// circuit falls behind, the oldest updates are dropped first: each update carries the job's whole current picture, so
/// the newest is the one that matters.
/// When the session ends, the circuit's user becomes anonymous at once, and the pages show the sign-in page instead of
/// anything they showed.
/// </summary>
public sealed class LiveJobFeed(LiveJobAudience audience, AuthenticationStateProvider authentication, ILogger<LiveJobFeed> logger)
    : IAsyncDisposable
{
    /// <summary>How many updates a circuit may fall behind before the oldest are dropped.</summary>
    public const int QueueCapacity = 256;

    private readonly Channel<JobUpdate> _queue = Channel.CreateBounded<JobUpdate>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopped = new();
    private Func<JobUpdate, Task>[] _handlers = [];
    private Task? _loop;

    public Guid UserId { get; private set; }

    /// <summary>The security stamp the circuit's session was opened with, checked before every delivery.</summary>
    public string SecurityStamp { get; private set; } = "";

    public bool IsAdmin { get; private set; }

    /// <summary>True once the feed listens for its user (after the first subscription of a signed-in circuit).</summary>
    public bool IsLive => _loop is not null && !_stopped.IsCancellationRequested;

    /// <summary>
    /// Calls <paramref name="handler"/> with every update this circuit's user may see, until the returned subscription is
    /// disposed. The handler runs on this feed's loop: a component hands its work to its renderer (<c>InvokeAsync</c>).
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(Func<JobUpdate, Task> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        if (_loop is null && await JoinAsync())
        {
            lock (_gate)
            {
                _loop ??= Task.Run(PumpAsync);
            }
        }

        return new Subscription(this, handler);
    }

    /// <summary>Queues an update for this circuit without waiting for it to be shown (the forwarder serves every circuit in turn).</summary>
    public void Deliver(JobUpdate update) => _queue.Writer.TryWrite(update);

    /// <summary>The session has ended: stop, and sign the circuit out so its pages show nothing more.</summary>
    public void End()
    {
        Stop();
        if (authentication is ServerAuthenticationStateProvider server)
        {
            server.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        if (_loop is not null)
        {
            await _loop;
        }

        _stopped.Dispose();
    }

    private async Task<bool> JoinAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.GetUserId() is not { } userId || user.FindFirstValue(SessionPrincipal.SecurityStampClaim) is not { } stamp)
        {
            return false;
        }

        (UserId, SecurityStamp, IsAdmin) = (userId, stamp, user.IsInRole(AdminPolicy.Role));
        audience.Add(this);
        return true;
    }

    private void Stop()
    {
        audience.Remove(this);
        _queue.Writer.TryComplete();
        if (!_stopped.IsCancellationRequested)
        {
            _stopped.Cancel();
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var update in _queue.Reader.ReadAllAsync(_stopped.Token))
            {
                foreach (var handler in Volatile.Read(ref _handlers))
                {
                    try
                    {
                        await handler(update);
                    }
                    catch (Exception e)
                    {
                        logger.LogWarning(e, "A live view could not show the update of job {JobId}", update.JobId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
        }
    }

    private void Unsubscribe(Func<JobUpdate, Task> handler)
    {
        lock (_gate)
        {
            _handlers = _handlers.Where(h => h != handler).ToArray();
        }
    }

    private sealed class Subscription(LiveJobFeed feed, Func<JobUpdate, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
