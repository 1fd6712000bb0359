using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Midx.Core.Webhooks;

/// <summary>
/// The connect step of the webhooks' <see cref="SocketsHttpHandler"/>
/// (https://learn.microsoft.com/dotnet/api/system.net.http.socketshttphandler.connectcallback): it resolves the host
/// itself and connects only to an address <see cref="WebhookAddress.IsPublic"/> allows, so a name that resolves to a
/// private address, or starts to after the endpoint was made (DNS rebinding), is refused for the connection it would make.
/// </summary>
public sealed class WebhookConnectGuard(IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = options.Value.AllowPrivateAddresses ? resolved : resolved.Where(WebhookAddress.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
