using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Midx.App.Sandbox;

/// <summary>
/// The address at which this process reaches its own sandbox servers over HTTP. Known only once Kestrel has bound
/// its port (tests bind port 0), so it is read from the server on first use, with a wildcard host made loopback.
/// </summary>
public sealed class SandboxOrigin(IServer server)
{
    private Uri? _origin;

    public Uri Origin => _origin ??= Resolve();

    private Uri Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no bound address yet, so the sandbox cannot be reached.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority));
    }
}
