namespace Midx.Core.Errors;

public static partial class ErrorCatalog
{
    // Why a webhook delivery attempt failed, shown in the workspace's delivery log.
    public static readonly ErrorCode WebhookHttpError = MidxCode("webhook_http_error",
        "The endpoint answered with an error status.",
        "Check the status and the start of the answer in the delivery log; Midx tries again with growing pauses.",
        "A webhook endpoint answered outside 2xx (redirects count as errors: Midx does not follow them).", retryable: true);

    public static readonly ErrorCode WebhookTimeout = MidxCode("webhook_timeout",
        "The endpoint did not answer in time.",
        "Answer within a few seconds and do the slow work after answering; Midx tries again with growing pauses.",
        "A webhook attempt reached Midx:Webhooks:Timeout.", retryable: true);

    public static readonly ErrorCode WebhookUnreachable = MidxCode("webhook_unreachable",
        "Midx could not connect to the endpoint.",
        "Check that the address is right and reachable from the internet; Midx tries again with growing pauses.",
        "A webhook attempt failed before an answer: DNS, connection or TLS.", retryable: true);

    public static readonly ErrorCode WebhookAddressRefused = MidxCode("webhook_address_refused",
        "The endpoint's address leads to a private network, so Midx does not send to it.",
        "Use an address that resolves to a public internet address.",
        "The endpoint's host resolved only to private, loopback, link-local or reserved addresses (Midx:Webhooks:AllowPrivateAddresses is off).");

    public static readonly ErrorCode WebhookSecretUnreadable = MidxCode("webhook_secret_unreadable",
        "Midx can no longer read this endpoint's signing secret (its encryption key was replaced).",
        "Delete the endpoint and add it again with a new secret.",
        "The endpoint's secret ciphertext no longer decrypts with the key ring.");
}
