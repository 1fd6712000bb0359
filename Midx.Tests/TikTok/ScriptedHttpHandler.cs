using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Midx.Tests.TikTok;

/// <summary>
/// A scripted stand-in for TikTok at the HTTP boundary (style.md allows this for client unit tests): each request
/// is recorded and answered by the next scripted reply, or by <see cref="Fallback"/> when the script is empty.
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Fallback { get; set; }

    public ScriptedHttpHandler Reply(HttpStatusCode status, string? json, Action<HttpResponseMessage>? configure = null)
    {
        _script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHttpHandler Reply(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(await RecordedRequest.FromAsync(request, cancellationToken));
        if (_script.TryDequeue(out var reply))
        {
            return await reply(request, cancellationToken);
        }

        return Fallback is not null
            ? await Fallback(request, cancellationToken)
            : throw new InvalidOperationException($"No scripted reply left for {request.Method} {request.RequestUri}.");
    }
}

public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    IReadOnlyDictionary<string, string> ContentHeaders,
    string Body,
    long BodyLength,
    string BodySha256)
{
    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Content?.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            headers,
            bytes.Length <= 64 * 1024 ? Encoding.UTF8.GetString(bytes) : "",
            bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public IReadOnlyDictionary<string, string> Form() =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
}
