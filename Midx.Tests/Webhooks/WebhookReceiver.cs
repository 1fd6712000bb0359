using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Midx.Tests.Webhooks;

/// <summary>
/// A real HTTP server on 127.0.0.1 that receives webhooks as an integrator's would: it answers with the statuses it was
/// given, in order (then 200), keeps every request, and checks signatures with the algorithm the README documents.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses;

    private WebhookReceiver(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new ConcurrentQueue<int>(statuses);
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>How long the receiver waits before it answers.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers every request with this status once the scripted ones are used up.</summary>
    public int ThenStatus { get; set; } = 200;

    public string Url => _app.Urls.First() + "/hooks";

    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, statuses);
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(
                http.Request.Headers["Midx-Event-Id"].ToString(), http.Request.Headers["Midx-Event-Type"].ToString(),
                http.Request.Headers["Midx-Delivery-Id"].ToString(), http.Request.Headers["Midx-Signature"].ToString(), body, DateTimeOffset.UtcNow));
            await Task.Delay(receiver.Delay, http.RequestAborted);
            var status = receiver._statuses.TryDequeue(out var next) ? next : receiver.ThenStatus;
            http.Response.StatusCode = status;
            await http.Response.WriteAsync(status >= 300 ? $"receiver refused with {status}" : "ok");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until the receiver has had <paramref name="count"/> requests (20 s unless told), and fails if it has had more or fewer.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(count, Requests.Count);
    }

    /// <summary>
    /// The receiver's check, written from the README and not from Midx's code: <c>t=&lt;unix&gt;,v1=&lt;hex&gt;</c>, v1 the
    /// HMAC-SHA256 of <c>"&lt;t&gt;.&lt;body&gt;"</c> keyed with the secret's UTF-8 bytes, and t within 5 minutes of now.
    /// </summary>
    public static bool Verifies(string secret, string header, string body, DateTimeOffset now)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t}.{body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <param name="At">When the receiver had the whole request, by the machine's clock.</param>
    public sealed record Received(string EventId, string EventType, string DeliveryId, string Signature, string Body, DateTimeOffset At);
}
