using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Midx.App.Hosting;

/// <summary>
/// Settings under <c>Midx:Proxy</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// Midx believes. Empty (the default) trusts none, so a header sent straight from the internet changes nothing: the
/// sign-in limit and the logs keep seeing the connection's own address.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Midx:Proxy";

    /// <summary>Addresses of the proxies themselves, such as <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(KnownProxies)} has \"{proxy}\", which is not an IP address (such as 10.0.0.5).", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(KnownNetworks)} has \"{network}\", which is not a network in CIDR notation (such as 10.0.0.0/8).", [nameof(KnownNetworks)]);
        }
    }
}
