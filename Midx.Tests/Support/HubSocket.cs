using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Midx.Tests.Support;

/// <summary>
/// A minimal SignalR client over the WebSocket transport and the JSON hub protocol, carrying a sign-in's cookies
/// (Microsoft.AspNetCore.SignalR.Client does not restore here). Unlike <see cref="HubListener"/>'s long polls, each of
/// which is a request checked like any other, a WebSocket is one request: what reaches it once it is open is up to the
/// hub, as in a browser. It only listens.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private const string HubPath = "/hubs/publish";

    private readonly ClientWebSocket _socket;
    private readonly Queue<string> _records = new();

    private HubSocket(ClientWebSocket socket) => _socket = socket;

    public static async Task<HubSocket> ConnectAsync(MidxAppFactory app, CookieContainer cookies)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        var hub = new HubSocket(socket);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(new UriBuilder(app.ServerAddress) { Scheme = "ws", Path = HubPath }.Uri, timeout.Token);
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, timeout.Token);
            var handshake = await hub.NextRecordAsync(timeout.Token);
            return handshake == "{}" ? hub : throw new InvalidOperationException($"The hub refused the handshake: {handshake}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The next hub invocation sent to this connection as raw JSON, or null once the hub has closed the connection.
    /// Throws when neither happens within <paramref name="within"/>.
    /// </summary>
    public async Task<string?> NextMessageAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (await NextRecordAsync(timeout.Token) is { } record)
        {
            using var message = JsonDocument.Parse(record);
            switch (message.RootElement.GetProperty("type").GetInt32())
            {
                case 1:
                    return record;
                case 7:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The next record of the hub protocol, or null when the socket closed.</summary>
    private async Task<string?> NextRecordAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (_records.Count == 0)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                try
                {
                    received = await _socket.ReceiveAsync(buffer, cancellationToken);
                }
                catch (WebSocketException)
                {
                    return null;
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            foreach (var record in Encoding.UTF8.GetString(message.ToArray()).Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                _records.Enqueue(record);
            }
        }

        return _records.Dequeue();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
