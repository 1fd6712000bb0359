using System.Net;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The publish hub accepts signed-in users only, and answers everyone else with a 401 a SignalR client understands
/// (never the sign-in page): signed-out visitors, and sessions that ended because the user was disabled or re-stamped.
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

        using var cancel = await app.Client.PostFormAsync($"/jobs/{job.Id}", $"/jobs/{job.Id}/cancel");
        Assert.Contains(job.Id.ToString(), await hub.NextMessageAsync(TimeSpan.FromSeconds(10)));

        // Each long poll is a request of its own, checked like any other: the disabled user's next one is refused.
        await app.App.UpdateUserAsync(app.UserId, u => u.IsDisabled = true);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.NextMessageAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
