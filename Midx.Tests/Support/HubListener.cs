using System.Text;
using System.Text.Json;

namespace Midx.Tests.Support;

/// <summary>
/// A minimal SignalR client over the long-polling transport and the JSON hub protocol, riding on a signed-in
/// HttpClient's cookies (Microsoft.AspNetCore.SignalR.Client does not restore here). It only listens: enough to
/// prove which connections a hub message reaches.
/// </summary>
public sealed class HubListener : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private const string HubPath = "/hubs/publish";

    private readonly HttpClient _client;
    private readonly string _token;
    private readonly Queue<string> _invocations = new();

    private HubListener(HttpClient client, string token)
    {
        _client = client;
        _token = token;
    }

    public static async Task<HubListener> ConnectAsync(HttpClient client)
    {
        var negotiate = await client.PostAsync($"{HubPath}/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("connectionToken").GetString()!;
        var listener = new HubListener(client, token);

        var handshake = await client.PostAsync(listener.Url, new StringContent("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, Encoding.UTF8, "text/plain"));
        handshake.EnsureSuccessStatusCode();
        // The transport's first poll answers at once and empty; the handshake reply comes on a following one.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var batch = await listener.PollAsync(deadline - DateTime.UtcNow);
            if (string.IsNullOrEmpty(batch))
            {
                continue;
            }

            return batch.Split(RecordSeparator).Contains("{}")
                ? listener
                : throw new InvalidOperationException($"The hub refused the handshake: {batch}");
        }

        throw new InvalidOperationException("The hub did not answer the handshake.");
    }

    private string Url => $"{HubPath}?id={Uri.EscapeDataString(_token)}";

    /// <summary>The next hub invocation sent to this connection as raw JSON, or null when none comes within <paramref name="within"/>.</summary>
    public async Task<string?> NextMessageAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (_invocations.Count == 0)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await PollAsync(left) is not { } batch)
            {
                return null;
            }

            foreach (var record in batch.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                using var message = JsonDocument.Parse(record);
                if (message.RootElement.TryGetProperty("type", out var type) && type.GetInt32() == 1)
                {
                    _invocations.Enqueue(record);
                }
            }
        }

        return _invocations.Dequeue();
    }

    private async Task<string?> PollAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            var response = await _client.GetAsync(Url, timeout.Token);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await _client.DeleteAsync(Url);
}
