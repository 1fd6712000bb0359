using System.Net;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Webhooks;
using Midx.Core.Workspaces;

namespace Midx.Tests.Webhooks;

/// <summary>The guard against server-side request forgery: at creation for the URL, and at connect time for the address a host resolves to.</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2001:db8::1")]
    public void IsPublic_NonPublicAddress_False(string address) => Assert.False(WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_InternetAddress_True(string address) => Assert.True(WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://10.0.0.5/hooks", WebhookAddress.PrivateRefused)]
    [InlineData("https://127.0.0.1:8443/hooks", WebhookAddress.PrivateRefused)]
    [InlineData("https://[::1]/hooks", WebhookAddress.PrivateRefused)]
    [InlineData("https://169.254.169.254/latest/meta-data", WebhookAddress.PrivateRefused)]
    [InlineData("https://localhost/hooks", WebhookAddress.PrivateRefused)]
    [InlineData("https://intranet/hooks", WebhookAddress.PrivateRefused)]
    [InlineData("http://hooks.example.com/midx", WebhookAddress.HttpsRequired)]
    [InlineData("ftp://hooks.example.com/midx", WebhookAddress.NotAbsolute)]
    [InlineData("/midx/events", WebhookAddress.NotAbsolute)]
    [InlineData("https://user:pass@hooks.example.com/midx", WebhookAddress.CredentialsInUrl)]
    [InlineData(" ", WebhookAddress.UrlRequired)]
    [InlineData("https://hooks.example.com/midx", null)]
    public void Problem_PrivateAddressesNotAllowed_RefusesWithAClearMessage(string url, string? problem) =>
        Assert.Equal(problem, WebhookAddress.Problem(url, allowPrivate: false));

    [Fact]
    public async Task Create_PrivateAddress_RefusedAndNothingStored()
    {
        await using var harness = await WebhooksHarness.CreateAsync(o => o.AllowPrivateAddresses = false);

        var issued = await harness.RunAsync((WebhookEndpointCommands commands) =>
            commands.CreateAsync(harness.User.Id, harness.User.Id, "https://10.0.0.5/hooks", WebhookEventTypes.PostPublished, CancellationToken.None));

        Assert.Equal((WorkspaceActionOutcome.Refused, WebhookAddress.PrivateRefused, (string?)null), (issued.Result.Outcome, issued.Result.Message, issued.Secret));
        Assert.False(await harness.ReadAsync(db => db.WebhookEndpoints.AnyAsync()));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Dispatch_HostResolvesToLoopback_RefusedAtConnectTimeAndNothingReachesIt(string host)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await WebhooksHarness.CreateAsync(o => o.AllowPrivateAddresses = false);
        var url = new UriBuilder(receiver.Url) { Host = host }.Uri.ToString();
        // Stored as if the name had resolved to a public address when it was added (DNS rebinding): only the connect-time check stands.
        var endpoint = new WebhookEndpoint { WorkspaceId = harness.User.Id, Url = url, Events = WebhookEventTypes.PostStatusChanged, SecretCipher = "", CreatedAt = harness.Now };
        endpoint.SecretCipher = await harness.RunAsync((WebhookSecret secrets) => Task.FromResult(secrets.Protect(endpoint.Id, WebhookSecret.New())));
        await harness.RunAsync(async (Midx.Core.Data.MidxDbContext db) =>
        {
            db.WebhookEndpoints.Add(endpoint);
            return await db.SaveChangesAsync();
        });
        await harness.MoveJobAsync(new JobChange(JobState.Initializing));

        await harness.DispatchAsync();

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((ErrorCatalog.WebhookAddressRefused.Value, (int?)null), (delivery.LastErrorCode, delivery.LastStatusCode));
        Assert.Empty(receiver.Requests);
    }
}
