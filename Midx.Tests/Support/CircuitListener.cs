using System.Threading.Channels;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Accounts;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Tests.Support;

/// <summary>
/// A signed-in person's open page inside a running app, as far as live updates go: a DI scope of its own (as a circuit
/// has), the session's principal in the app's own authentication state provider, and the app's real
/// <see cref="LiveJobFeed"/>. It only listens: enough to prove which circuits an update reaches.
/// </summary>
public sealed class CircuitListener : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly Channel<JobUpdate> _updates = Channel.CreateUnbounded<JobUpdate>();

    private CircuitListener(AsyncServiceScope scope) => _scope = scope;

    public static async Task<CircuitListener> StartAsync(IServiceProvider services, Guid userId)
    {
        var listener = new CircuitListener(services.CreateAsyncScope());
        var circuit = listener._scope.ServiceProvider;
        var user = await circuit.GetRequiredService<MidxDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var authentication = (ServerAuthenticationStateProvider)circuit.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(SessionPrincipal.Create(user))));
        var feed = circuit.GetRequiredService<LiveJobFeed>();
        await feed.SubscribeAsync(update =>
        {
            listener._updates.Writer.TryWrite(update);
            return Task.CompletedTask;
        });
        return feed.IsLive ? listener : throw new InvalidOperationException("The circuit's feed did not start listening.");
    }

    /// <summary>The next update this circuit is given, or null when none comes within <paramref name="within"/>.</summary>
    public async Task<JobUpdate?> NextUpdateAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _updates.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
