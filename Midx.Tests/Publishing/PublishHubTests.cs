using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The publish hub accepts signed-in users only, and answers everyone else with a 401 a SignalR client understands
/// (never the sign-in page): signed-out visitors, and sessions that ended because the user was disabled or re-stamped.
/// A WebSocket that is already open when its session ends gets no further update and is closed.
/// </summary>
public sealed class PublishHubTests
{
    private static readonly string Negotiate = $"{PublishHub.Path}/negotiate?negotiateVersion=1";

    [Fact]
    public async Task Negotiate_SignedOut_IsRefusedWith401NotARedirect()
    {
        using var app = new MidxAppFactory();
        using var visitor = app.CreateHttpClient();

        using var negotiate = await visitor.PostAsync(Negotiate, null);
        using var poll = await visitor.GetAsync($"{PublishHub.Path}?id=made-up");

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Null(negotiate.Headers.Location);
        Assert.Empty(await negotiate.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, poll.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Negotiate_UserDisabledOrSecurityStampChanged_IsRefusedWith401(bool disable)
    {
        using var app = new MidxAppFactory();
        using var dana = await app.SignInAsync("dana@example.test", "Dana");
        using (var before = await dana.PostAsync(Negotiate, null))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var user = await app.UserByEmailAsync("dana@example.test");
        await app.UpdateUserAsync(user.Id, u =>
        {
            if (disable)
            {
                u.IsDisabled = true;
            }
            else
            {
                u.SecurityStamp = Guid.NewGuid().ToString("N");
            }
        });

        using var after = await dana.PostAsync(Negotiate, null);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Null(after.Headers.Location);
    }

    [Fact]
    public async Task Listener_SignedIn_ReceivesOwnJobUpdateAndIsCutOffOnceDisabled()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false);
        var job = await app.SubmitAsync(PublishMode.Direct, scheduledAtUtc: DateTime.UtcNow.AddDays(1));
        await using var hub = await HubListener.ConnectAsync(app.Client);

        using var cancel = await app.Client.PostDialogFormAsync($"/jobs/{job.Id}", $"/jobs/{job.Id}/cancel");
        Assert.Contains(job.Id.ToString(), await hub.NextMessageAsync(TimeSpan.FromSeconds(10)));

        // Each long poll is a request of its own, checked like any other: the disabled user's next one is refused.
        await app.App.UpdateUserAsync(app.UserId, u => u.IsDisabled = true);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.NextMessageAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task WebSocket_UserDisabledWhileConnected_GetsNoFurtherUpdateAndIsClosed()
    {
        using var app = new MidxAppFactory();
        using var dana = await app.SignInFlowAsync("dana@example.test", "Dana");
        using var ada = await app.SignInFlowAsync("ada@sandbox.midx.test", "Ada");
        var danaId = (await app.UserByEmailAsync("dana@example.test")).Id;
        await using var danaSocket = await HubSocket.ConnectAsync(app, dana.Cookies);
        await using var adaSocket = await HubSocket.ConnectAsync(app, ada.Cookies);

        var before = await PublishUpdateAsync(app, danaId);
        Assert.Contains(before.ToString(), await danaSocket.NextMessageAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(before.ToString(), await adaSocket.NextMessageAsync(TimeSpan.FromSeconds(10)));

        await app.UpdateUserAsync(danaId, u => u.IsDisabled = true);
        var after = await PublishUpdateAsync(app, danaId);

        // The socket was opened while Dana could still sign in; the hub checks the session before it sends.
        Assert.Null(await danaSocket.NextMessageAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(after.ToString(), await adaSocket.NextMessageAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CloseEnded_UserDeletedOrReStampedWhileConnected_ClosesTheIdleConnection(bool delete)
    {
        using var app = new MidxAppFactory();
        using var dana = await app.SignInFlowAsync("dana@example.test", "Dana");
        using var grace = await app.SignInFlowAsync("grace@example.test", "Grace");
        var danaId = (await app.UserByEmailAsync("dana@example.test")).Id;
        await using var danaSocket = await HubSocket.ConnectAsync(app, dana.Cookies);
        await using var graceSocket = await HubSocket.ConnectAsync(app, grace.Cookies);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (delete)
            {
                var deleted = await scope.ServiceProvider.GetRequiredService<DeleteAccountCommand>().ExecuteAsync(danaId, "dana@example.test", CancellationToken.None);
                Assert.Equal(DeleteAccountOutcome.Deleted, deleted.Outcome);
            }
            else
            {
                await app.UpdateUserAsync(danaId, u => u.SecurityStamp = Guid.NewGuid().ToString("N"));
            }
        }

        // No update for Dana will ever come to close the connection; the periodic check does (called here directly).
        var closed = await app.Services.GetRequiredService<LiveJobAudience>().CloseEndedAsync(CancellationToken.None);

        Assert.Equal(1, closed);
        Assert.Null(await danaSocket.NextMessageAsync(TimeSpan.FromSeconds(10)));
        var graceId = (await app.UserByEmailAsync("grace@example.test")).Id;
        var forGrace = await PublishUpdateAsync(app, graceId);
        Assert.Contains(forGrace.ToString(), await graceSocket.NextMessageAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Publishes an update of a made-up job of <paramref name="userId"/> on the app's bus, as a job change does; returns the job id.</summary>
    private static async Task<Guid> PublishUpdateAsync(MidxAppFactory app, Guid userId)
    {
        var jobId = Guid.NewGuid();
        await app.Services.GetRequiredService<JobUpdateBus>().PublishAsync(
            new JobUpdate(jobId, userId, JobState.Processing, "Processing", false, null, 0, 0, "TikTok is processing the video.", null, null, null, DateTime.UtcNow),
            CancellationToken.None);
        return jobId;
    }
}
