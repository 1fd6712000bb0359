using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Midx.App.Publishing;
using Midx.Core.Accounts;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Support;

/// <summary>
/// A <see cref="PageTestContext"/> for pages that follow jobs live: the real bus, forwarder, audience and circuit feed,
/// so a test publishes an update on <see cref="Bus"/> and watches the page change.
/// </summary>
public abstract class LivePageTestContext : PageTestContext
{
    private LiveJobForwarder? _forwarder;

    protected LivePageTestContext()
    {
        Context.Services.AddSingleton(Bus);
        Context.Services.AddSingleton<LiveJobAudience>();
        Context.Services.AddScoped<LiveJobFeed>();
    }

    protected JobUpdateBus Bus { get; } = new(NullLogger<JobUpdateBus>.Instance);

    /// <summary>
    /// Signs <paramref name="user"/> in, showing <paramref name="workspace"/> (their personal one when null), and starts
    /// forwarding updates; call after every service is registered.
    /// </summary>
    protected async Task SignInLiveAsync(User user, WorkspaceMembership? workspace = null)
    {
        SignIn(user, workspace);
        _forwarder = new LiveJobForwarder(Bus, Context.Services.GetRequiredService<LiveJobAudience>());
        await _forwarder.StartAsync(CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        if (_forwarder is not null)
        {
            await _forwarder.StopAsync(CancellationToken.None);
        }

        await base.DisposeAsync();
    }
}
