using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;

namespace Midx.Core.Webhooks;

/// <summary>
/// Makes one attempt of a delivery this dispatcher has claimed: signs the stored body, POSTs it, and records the answer.
/// A 2xx answer delivers it and ends the endpoint's run of failures. Anything else is tried again after a doubling pause
/// (<see cref="RetryDelay"/>) until <see cref="WebhookOptions.RetryWindow"/> after the event, then given up; and after
/// <see cref="WebhookOptions.DisableAfterFailures"/> failures in a row Midx disables the endpoint, audited, and its card
/// says so to the Owners. Every write is conditional on the lease still being this dispatcher's.
/// </summary>
public sealed class SendWebhookDeliveryCommand(
    MidxDbContext db,
    IHttpClientFactory clients,
    WebhookSecret secrets,
    AuditLog audit,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<SendWebhookDeliveryCommand> logger)
{
    public const string HttpClientName = "Midx.Webhooks";

    public async Task ExecuteAsync(Guid deliveryId, string owner, CancellationToken cancellationToken)
    {
        var found = await (from d in db.WebhookDeliveries.AsNoTracking()
                           join e in db.WebhookEndpoints.AsNoTracking() on d.EndpointId equals e.Id
                           where d.Id == deliveryId && d.LeaseOwner == owner
                           select new { Delivery = d, Endpoint = e }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return;
        }

        var (delivery, endpoint) = (found.Delivery, found.Endpoint);
        var started = time.GetTimestamp();
        var attempt = secrets.TryRead(endpoint.Id, endpoint.SecretCipher, out var secret)
            ? await PostAsync(delivery, endpoint, secret, cancellationToken)
            : new Attempt(null, ErrorCatalog.WebhookSecretUnreadable, null);
        var durationMs = (int)time.GetElapsedTime(started).TotalMilliseconds;
        if (attempt.Error is null)
        {
            await DeliveredAsync(delivery, endpoint, owner, attempt, durationMs, cancellationToken);
        }
        else
        {
            await FailedAsync(delivery, endpoint, owner, attempt, durationMs, cancellationToken);
        }
    }

    private sealed record Attempt(int? StatusCode, ErrorCode? Error, string? Excerpt);

    private async Task<Attempt> PostAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Midx-Event-Id", delivery.EventId.ToString());
        request.Headers.Add("Midx-Event-Type", delivery.EventType);
        request.Headers.Add("Midx-Delivery-Id", delivery.Id.ToString());
        request.Headers.Add("Midx-Signature", WebhookSecret.Signature(secret, time.GetUtcNow(), delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Midx-Webhooks", "1"));
        // One limit for the whole attempt, connecting and the answer's body included, so a receiver that drips its answer
        // cannot hold the delivery past its lease. It runs on the wall clock, as HttpClient's own Timeout would.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var excerpt = await ExcerptAsync(response, attempt.Token);
            var code = (int)response.StatusCode;
            return new Attempt(code, code is >= 200 and < 300 ? null : ErrorCatalog.WebhookHttpError, excerpt);
        }
        catch (HttpRequestException ex) when (Refused(ex))
        {
            return new Attempt(null, ErrorCatalog.WebhookAddressRefused, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, ErrorCatalog.WebhookTimeout, null);
        }
        catch (HttpRequestException ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The limit struck while connecting: the handler reports that as a failed connection.
            logger.LogInformation("Webhook delivery {DeliveryId} to endpoint {EndpointId} timed out ({Fault})", delivery.Id, endpoint.Id, ex.HttpRequestError);
            return new Attempt(null, ErrorCatalog.WebhookTimeout, null);
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} to endpoint {EndpointId} could not connect ({Fault})", delivery.Id, endpoint.Id, ex.HttpRequestError);
            return new Attempt(null, ErrorCatalog.WebhookUnreachable, null);
        }
    }

    private static bool Refused(Exception ex) => ex is WebhookAddressRefusedException || (ex.InnerException is { } inner && Refused(inner));

    /// <summary>At most <see cref="WebhookDelivery.MaxExcerptLength"/> characters of the answer, read no further than needed.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookDelivery.MaxExcerptLength * 4];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
        return text.Length == 0 ? null : text.Length <= WebhookDelivery.MaxExcerptLength ? text : text[..WebhookDelivery.MaxExcerptLength];
    }

    private async Task DeliveredAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, string owner, Attempt attempt, int durationMs, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var saved = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.LastStatusCode, attempt.StatusCode)
            .SetProperty(d => d.LastDurationMs, durationMs)
            .SetProperty(d => d.LastErrorCode, (string?)null)
            .SetProperty(d => d.LastResponseExcerpt, attempt.Excerpt)
            .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null), cancellationToken);
        // An endpoint read without failures is left alone: a write per delivery would queue behind every other on SQLite.
        if (saved == 1 && endpoint.ConsecutiveFailures != 0)
        {
            await db.WebhookEndpoints.Where(e => e.Id == delivery.EndpointId && e.ConsecutiveFailures != 0)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ConsecutiveFailures, 0), cancellationToken);
        }
    }

    private async Task FailedAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, string owner, Attempt attempt, int durationMs, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = delivery.Attempts + 1;
        var windowEnds = delivery.CreatedAt + settings.RetryWindow;
        var givenUp = now >= windowEnds;
        var next = givenUp ? (DateTime?)null : Min(now + RetryDelay.Doubling(settings.FirstRetryDelay, attempts, settings.MaxRetryDelay), windowEnds);
        var saved = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, givenUp ? WebhookDeliveryStatus.GivenUp : WebhookDeliveryStatus.Pending)
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.LastStatusCode, attempt.StatusCode)
            .SetProperty(d => d.LastDurationMs, durationMs)
            .SetProperty(d => d.LastErrorCode, attempt.Error!.Value)
            .SetProperty(d => d.LastResponseExcerpt, attempt.Excerpt)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null), cancellationToken);
        if (saved == 0)
        {
            return;
        }

        logger.LogInformation("Webhook delivery {DeliveryId} ({EventType}) to endpoint {EndpointId} failed: {ErrorCode} {StatusCode}; attempt {Attempts}, {Outcome}",
            delivery.Id, delivery.EventType, endpoint.Id, attempt.Error, attempt.StatusCode, attempts, givenUp ? "given up" : $"next at {next:O}");
        await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ConsecutiveFailures, e => e.ConsecutiveFailures + 1), cancellationToken);
        var disabled = await db.WebhookEndpoints
            .Where(e => e.Id == endpoint.Id && e.DisabledAt == null && e.ConsecutiveFailures >= settings.DisableAfterFailures)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.DisabledAt, now)
                .SetProperty(e => e.DisabledReason, WebhookDisabledReason.Failures), cancellationToken);
        if (disabled == 1)
        {
            await audit.WriteAsync(WebhookAuditActions.DisabledAfterFailures, null, null,
                $"endpoint {endpoint.Id} ({WebhookEndpointCommands.HostOf(endpoint.Url)}) in workspace {endpoint.WorkspaceId} after {settings.DisableAfterFailures} failed attempts in a row", cancellationToken);
            logger.LogWarning("Webhook endpoint {EndpointId} of workspace {WorkspaceId} disabled after {Failures} failed attempts in a row",
                endpoint.Id, endpoint.WorkspaceId, settings.DisableAfterFailures);
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
