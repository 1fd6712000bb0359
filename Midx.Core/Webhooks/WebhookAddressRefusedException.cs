namespace Midx.Core.Webhooks;

/// <summary>Thrown at connect time when an endpoint's host resolves only to addresses Midx does not send to.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"The webhook host {host} resolves only to private, loopback, link-local or reserved addresses.");
