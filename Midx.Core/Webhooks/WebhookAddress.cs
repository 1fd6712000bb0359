using System.Net;
using System.Net.Sockets;

namespace Midx.Core.Webhooks;

/// <summary>
/// Which endpoint addresses Midx sends to. Unless <see cref="WebhookOptions.AllowPrivateAddresses"/> is on, only https
/// URLs, and only hosts that are public internet addresses: the IANA special-purpose ranges
/// (https://www.iana.org/assignments/iana-ipv4-special-registry/, https://www.iana.org/assignments/iana-ipv6-special-registry/)
/// are refused, so an endpoint cannot reach Midx's own machine or network. The URL is checked when the endpoint is made;
/// the address a host resolves to is checked again at every connection (<see cref="WebhookConnectGuard"/>).
/// </summary>
public static class WebhookAddress
{
    public const string UrlRequired = "Enter the address Midx should send events to.";

    public static readonly string UrlTooLong = $"The address can be at most {WebhookEndpoint.MaxUrlLength} characters.";

    public const string NotAbsolute = "Enter the whole address, starting with https://.";

    public const string HttpsRequired = "Midx sends events only to https addresses.";

    public const string CredentialsInUrl = "The address may not contain a user name or password.";

    public const string PrivateRefused =
        "Midx does not send events to private, loopback or link-local addresses. Use an address that is reachable from the internet.";

    /// <summary>Why <paramref name="url"/> cannot be an endpoint, or null when it can.</summary>
    public static string? Problem(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return UrlRequired;
        }

        if (url.Length > WebhookEndpoint.MaxUrlLength)
        {
            return UrlTooLong;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return NotAbsolute;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !allowPrivate)
        {
            return HttpsRequired;
        }

        if (uri.UserInfo.Length > 0)
        {
            return CredentialsInUrl;
        }

        if (allowPrivate)
        {
            return null;
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return IsPublic(literal) ? null : PrivateRefused;
        }

        // Names that never leave the machine or the local network (RFC 6761, RFC 6762).
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            || !host.Contains('.')
            ? PrivateRefused
            : null;
    }

    /// <summary>True for an address on the public internet; false for loopback, private, link-local, shared, documentation, multicast and reserved ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) carries an IPv4 address, which decides.
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4..12].All(x => x == 0))
        {
            return IsPublic(new IPAddress(v6[12..]));
        }

        return !(address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8)
            // Only 2000::/3 is handed out as global unicast; the rest of the space is reserved or special.
            || (v6[0] & 0xe0) != 0x20);
    }
}
