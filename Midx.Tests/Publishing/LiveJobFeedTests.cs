using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Midx.App.Accounts;
using Midx.App.Publishing;
using Midx.Core.Accounts;
using Midx.Core.Publishing;
using Midx.Tests.Admin;

namespace Midx.Tests.Publishing;

/// <summary>
/// The circuit's live feed with the real bus, forwarder and audience over a real database: who hears an update, what
/// an ended session gets, and what a circuit that falls behind is given.
/// </summary>
public sealed class LiveJobFeedTests : AdminDatabase, IAsyncDisposable
{
    private readonly JobUpdateBus _bus = new(NullLogger<JobUpdateBus>.Instance);
    private ServiceProvider? _services;
    private LiveJobAudience? _audience;
    private LiveJobForwarder? _forwarder;

    [Fact]
    public async Task Update_OfOnePersonsJob_ReachesTheirCircuitAndAnAdminsButNotAnotherPersons()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var bo = Db.AddUser("bo@example.test", Now);
        var admin = Db.AddUser("admin@example.test", Now, isAdmin: true);
        await Db.SaveChangesAsync();
        var heard = new Dictionary<string, List<JobUpdate>>();
        foreach (var (name, user) in new[] { ("ada", ada), ("bo", bo), ("admin", admin) })
        {
            var feed = await StartFeedAsync(user);
            var updates = heard[name] = [];
            await feed.SubscribeAsync(u =>
            {
                lock (updates) updates.Add(u);
                return Task.CompletedTask;
            });
            Assert.True(feed.IsLive);
        }

        var update = UpdateOf(ada.Id, JobState.Uploading);
        await _bus.PublishAsync(update, CancellationToken.None);

        await WaitUntilAsync(() => heard["ada"].Count == 1 && heard["admin"].Count == 1);
        Assert.Equal(update, heard["ada"].Single());
        Assert.Equal(update, heard["admin"].Single());
        Assert.Empty(heard["bo"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Update_AfterTheSessionEnded_IsNotShownAndTheCircuitIsSignedOut(bool disable)
    {
        var ada = Db.AddUser("ada@example.test", Now);
        await Db.SaveChangesAsync();
        var authentication = SignedInAs(ada);
        var feed = await StartFeedAsync(ada, authentication);
        var heard = 0;
        await feed.SubscribeAsync(_ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });
        if (disable)
        {
            ada.IsDisabled = true;
        }
        else
        {
            ada.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        await Db.SaveChangesAsync();

        await _bus.PublishAsync(UpdateOf(ada.Id, JobState.Published), CancellationToken.None);

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        Assert.False(user.Identity?.IsAuthenticated);
        Assert.False(feed.IsLive);
        Assert.Equal(0, _audience!.Count);
        await Task.Delay(200);
        Assert.Equal(0, heard);
    }

    [Fact]
    public async Task Updates_WhileTheCircuitIsBusy_KeepTheNewestAndDropTheOldestBeyondTheQueue()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        await Db.SaveChangesAsync();
        var feed = await StartFeedAsync(ada);
        using var busy = new SemaphoreSlim(0);
        var shown = new List<JobUpdate>();
        await feed.SubscribeAsync(async u =>
        {
            await busy.WaitAsync();
            lock (shown) shown.Add(u);
        });
        var jobId = Guid.NewGuid();
        var updates = Enumerable.Range(1, LiveJobFeed.QueueCapacity + 50)
            .Select(i => UpdateOf(ada.Id, JobState.Uploading, jobId) with { BytesUploaded = i }).ToList();

        foreach (var update in updates)
        {
            await _bus.PublishAsync(update, CancellationToken.None);
        }

        busy.Release(updates.Count);
        await WaitUntilAsync(() => shown.LastOrDefault()?.BytesUploaded == updates.Count);
        // The one the loop was already showing, then the queue's worth of the newest.
        Assert.Equal(LiveJobFeed.QueueCapacity + 1, shown.Count);
        Assert.Equal(updates.Skip(updates.Count - LiveJobFeed.QueueCapacity), shown.Skip(1));
    }

    [Fact]
    public async Task Subscription_Disposed_HearsNothingMoreWhileTheOthersOnTheCircuitStillDo()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        await Db.SaveChangesAsync();
        var feed = await StartFeedAsync(ada);
        var left = 0;
        var stayed = 0;
        var leaving = await feed.SubscribeAsync(_ =>
        {
            Interlocked.Increment(ref left);
            return Task.CompletedTask;
        });
        await feed.SubscribeAsync(_ =>
        {
            Interlocked.Increment(ref stayed);
            return Task.CompletedTask;
        });

        leaving.Dispose();
        await _bus.PublishAsync(UpdateOf(ada.Id, JobState.Queued), CancellationToken.None);

        await WaitUntilAsync(() => Volatile.Read(ref stayed) == 1);
        Assert.Equal(0, left);
    }

    private async Task<LiveJobFeed> StartFeedAsync(Midx.Core.Accounts.User user, AuthenticationStateProvider? authentication = null)
    {
        if (_services is null)
        {
            _services = new ServiceCollection()
                .AddScoped(_ => NewContext())
                .AddScoped<SessionStampQuery>()
                .BuildServiceProvider();
            _audience = new LiveJobAudience(_services.GetRequiredService<IServiceScopeFactory>(), NullLogger<LiveJobAudience>.Instance);
            _forwarder = new LiveJobForwarder(_bus, _audience);
            await _forwarder.StartAsync(CancellationToken.None);
        }

        return new LiveJobFeed(_audience!, authentication ?? SignedInAs(user), NullLogger<LiveJobFeed>.Instance);
    }

    /// <summary>A circuit's authentication state with the claims a Midx session carries.</summary>
    private static ServerAuthenticationStateProvider SignedInAs(Midx.Core.Accounts.User user)
    {
        var provider = new ServerAuthenticationStateProvider();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(SessionPrincipal.Create(user))));
        return provider;
    }

    private JobUpdate UpdateOf(Guid userId, JobState state, Guid? jobId = null) => new(
        jobId ?? Guid.NewGuid(), userId, state, JobStateMachine.Label(state), JobStateMachine.IsTerminal(state),
        null, 0, 9582, null, null, null, null, Now);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected updates did not arrive within 10 seconds.");
            await Task.Delay(20);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_forwarder is not null)
        {
            await _forwarder.StopAsync(CancellationToken.None);
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
