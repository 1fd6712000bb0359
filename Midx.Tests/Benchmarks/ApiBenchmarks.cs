using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Api;
using Midx.Core.Api;
using Midx.Core.Webhooks;
using Midx.Tests.Accounts;
using Midx.Tests.Support;
using Midx.Tests.Webhooks;
using Xunit.Abstractions;

namespace Midx.Tests.Benchmarks;

/// <summary>
/// The API's figures on this machine: how fast posts are created through <c>POST /api/v1/posts</c> (over real HTTP,
/// <see cref="Concurrency"/> at a time), how long each of the <see cref="Posts"/> events they queue takes to reach a
/// loopback receiver as a signed webhook, and how soon a lone event arrives on a quiet queue. The workspace posts inbox
/// drafts from a link, so no TikTok call (creator_info allows 20 a minute per account) and no upload sets the pace: what
/// is measured is Midx. It prints the figures and writes them to <c>benchmarks/api.txt</c> beside the test assembly; it
/// fails only when a post or an event went missing.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ApiBenchmarks(ITestOutputHelper output)
{
    private const int Posts = 1000;
    private const int Concurrency = 8;
    private const int QuietPosts = 50;
    private const string VideoPrefix = "https://media.midx.test/videos/";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(5);

    [BenchmarkFact]
    public async Task PostCreationThroughputAndWebhookLag()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["Midx:Publishing:WorkerEnabled"] = "false",
            ["Midx:Publishing:PullFromUrlPrefixes:0"] = VideoPrefix,
            ["Midx:Api:RequestsPerMinute"] = "100000",
            ["Midx:Webhooks:AllowPrivateAddresses"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var avery = await app.SignInAsync("avery@sandbox.midx.test");
        var account = await avery.LinkTikTokAsync("public");
        var workspaceId = (await app.UserByEmailAsync("avery@sandbox.midx.test")).Id;
        await app.QueryAsync(db => db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(w => w.SetProperty(x => x.InboxDraftsOnly, true)));
        var (key, secret) = await SetUpKeyAndEndpointAsync(app, workspaceId, receiver.Url);
        using var api = new HttpClient { BaseAddress = app.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var latencies = new double[Posts];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Posts)
            {
                var started = Stopwatch.GetTimestamp();
                await CreatePostAsync(api, account, i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var creation = clock.Elapsed;

        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (receiver.Requests.Select(r => r.EventId).Distinct().Count() < Posts && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var drained = clock.Elapsed;
        var received = receiver.Requests.ToList();
        Assert.Equal(Posts, received.Select(r => r.EventId).Distinct().Count());
        Assert.All(received, r => Assert.True(WebhookReceiver.Verifies(secret, r.Signature, r.Body, r.At), "A delivery's signature did not verify."));
        var lags = received.GroupBy(r => r.EventId).Select(g => (g.Min(r => r.At) - CreatedAt(g.First().Body)).TotalMilliseconds).ToArray();

        // One post at a time on a quiet queue: how soon the dispatcher, woken by the save, delivers a lone event.
        var quiet = new double[QuietPosts];
        for (var i = 0; i < QuietPosts; i++)
        {
            var before = receiver.Requests.Count;
            await CreatePostAsync(api, account, Posts + i);
            var quietDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (receiver.Requests.Count == before && DateTime.UtcNow < quietDeadline)
            {
                await Task.Delay(5);
            }

            var arrived = receiver.Requests.Skip(before).FirstOrDefault() ?? throw new TimeoutException($"Quiet post {i}'s event never arrived.");
            quiet[i] = (arrived.At - CreatedAt(arrived.Body)).TotalMilliseconds;
        }

        var figures = string.Join(Environment.NewLine,
            $"API post creation: {Posts} posts, {Concurrency} at a time, in {creation.TotalSeconds:F1} s = {Posts / creation.TotalSeconds:F0} posts/s; "
                + $"latency p50 {Percentile(latencies, 50):F0} ms, p99 {Percentile(latencies, 99):F0} ms",
            $"Webhook delivery: {received.Count} deliveries of {Posts} events; lag from the event to the receiver p50 {Percentile(lags, 50):F0} ms, "
                + $"p99 {Percentile(lags, 99):F0} ms, max {lags.Max():F0} ms; the last arrived {(drained - creation).TotalSeconds:F1} s after the last post",
            $"Webhook delivery on a quiet queue: {QuietPosts} posts one at a time, lag p50 {Percentile(quiet, 50):F0} ms, p99 {Percentile(quiet, 99):F0} ms");
        output.WriteLine(figures);
        var folder = Path.Combine(AppContext.BaseDirectory, "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "api.txt"), figures + Environment.NewLine);
    }

    private static async Task CreatePostAsync(HttpClient api, Guid account, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiEndpoints.BasePath + "/posts")
        {
            Content = JsonContent.Create(new
            {
                accountId = account, mode = "inbox", videoUrl = $"{VideoPrefix}drop-{i}.mp4", caption = $"Drop {i} #shop",
                consentText = "By posting, you agree to TikTok's Music Usage Confirmation. [Send to TikTok]",
            }),
        };
        request.Headers.Add(ApiPublishEndpoints.IdempotencyKeyHeader, $"bench-{i}");
        using var response = await api.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Post {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(string Key, string Secret)> SetUpKeyAndEndpointAsync(MidxAppFactory app, Guid workspaceId, string url)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyCommands>()
            .CreateAsync(workspaceId, workspaceId, "Benchmark", ApiScope.Read | ApiScope.Publish, null, CancellationToken.None);
        var endpoint = await scope.ServiceProvider.GetRequiredService<WebhookEndpointCommands>()
            .CreateAsync(workspaceId, workspaceId, url, WebhookEventTypes.PostStatusChanged, CancellationToken.None);
        Assert.True(issued.Result.Succeeded && endpoint.Result.Succeeded, issued.Result.Message + endpoint.Result.Message);
        return (issued.Key!, endpoint.Secret!);
    }

    private static DateTimeOffset CreatedAt(string body) =>
        DateTimeOffset.Parse(JsonDocument.Parse(body).RootElement.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture);

    private static double Percentile(double[] values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
