using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Webhooks;

/// <summary>
/// A workspace's webhook endpoints, newest first, and its deliveries newest first, <see cref="LogSize"/> at a time (the
/// newest with the endpoints, older ones on asking): for its settings, to an Owner only, and for the admin console.
/// Never a secret.
/// </summary>
public sealed class WebhooksQuery(MidxDbContext db)
{
    public const int LogSize = 20;

    private static readonly Expression<Func<WebhookEndpoint, WebhookEndpointSummary>> Summary =
        e => new WebhookEndpointSummary(e.Id, e.Url, e.Events, e.CreatedAt, e.DisabledAt, e.DisabledReason, e.ConsecutiveFailures);

    public Task<WebhooksView> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(workspaceId, OwnedBy(userId), cancellationToken);

    /// <summary>The deliveries that come after <paramref name="last"/> in the log, older ones, for an Owner.</summary>
    public Task<WebhookDeliveriesPage> OlderAsync(Guid userId, Guid workspaceId, WebhookDeliveryRow last, CancellationToken cancellationToken) =>
        DeliveriesAsync(workspaceId, OwnedBy(userId), last, cancellationToken);

    /// <summary>
    /// The endpoints of the workspace that Midx turned off after a run of failures, oldest first, for its Owners' notice;
    /// empty for anyone who cannot manage the workspace's settings.
    /// </summary>
    public async Task<IReadOnlyList<WebhookEndpointSummary>> OffAfterFailuresAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && e.DisabledReason == WebhookDisabledReason.Failures
                && db.WorkspacesWhere(userId, WorkspacePermission.ManageSettings).Contains(e.WorkspaceId))
            .OrderBy(e => e.DisabledAt).ThenBy(e => e.Id)
            .Select(Summary)
            .ToListAsync(cancellationToken);

    /// <summary>The endpoints and deliveries for the console's workspace page, whose admins are no members.</summary>
    public Task<WebhooksView> ForConsoleAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(workspaceId, db.WebhookEndpoints, cancellationToken);

    /// <summary>The deliveries that come after <paramref name="last"/> in the log, older ones, for the console.</summary>
    public Task<WebhookDeliveriesPage> OlderForConsoleAsync(Guid workspaceId, WebhookDeliveryRow last, CancellationToken cancellationToken) =>
        DeliveriesAsync(workspaceId, db.WebhookEndpoints, last, cancellationToken);

    private IQueryable<WebhookEndpoint> OwnedBy(Guid userId) =>
        db.WebhookEndpoints.Where(e => db.WorkspacesWhere(userId, WorkspacePermission.ManageSettings).Contains(e.WorkspaceId));

    private async Task<WebhooksView> ReadAsync(Guid workspaceId, IQueryable<WebhookEndpoint> visible, CancellationToken cancellationToken)
    {
        var endpoints = await visible.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(Summary)
            .ToListAsync(cancellationToken);
        return new WebhooksView(endpoints, await DeliveriesAsync(workspaceId, visible, null, cancellationToken));
    }

    /// <summary>A page of the log, newest first, after <paramref name="last"/> when given (keyset on the time and id).</summary>
    private async Task<WebhookDeliveriesPage> DeliveriesAsync(
        Guid workspaceId, IQueryable<WebhookEndpoint> visible, WebhookDeliveryRow? last, CancellationToken cancellationToken)
    {
        var endpointIds = visible.Where(e => e.WorkspaceId == workspaceId).Select(e => e.Id);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => endpointIds.Contains(d.EndpointId));
        if (last is not null)
        {
            deliveries = deliveries.Where(d => d.CreatedAt < last.CreatedAt || (d.CreatedAt == last.CreatedAt && d.Id.CompareTo(last.Id) < 0));
        }

        var rows = await deliveries
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(LogSize + 1)
            .Select(d => new WebhookDeliveryRow(d.Id, d.EndpointId, d.EventId, d.EventType, d.CreatedAt, d.Status, d.Attempts, d.LastAttemptAt,
                d.LastStatusCode, d.LastDurationMs, d.LastErrorCode, d.LastResponseExcerpt, d.NextAttemptAt))
            .ToListAsync(cancellationToken);
        return new WebhookDeliveriesPage(rows.Take(LogSize).ToList(), HasOlder: rows.Count > LogSize);
    }
}

public sealed record WebhooksView(IReadOnlyList<WebhookEndpointSummary> Endpoints, WebhookDeliveriesPage Log);

/// <summary>Up to <see cref="WebhooksQuery.LogSize"/> deliveries of the log, newest first, and whether older ones follow.</summary>
public sealed record WebhookDeliveriesPage(IReadOnlyList<WebhookDeliveryRow> Deliveries, bool HasOlder);

public sealed record WebhookEndpointSummary(
    Guid Id, string Url, WebhookEventTypes Events, DateTime CreatedAt, DateTime? DisabledAt, WebhookDisabledReason? DisabledReason, int ConsecutiveFailures)
{
    public bool Enabled => DisabledAt is null;
}

/// <summary>One line of the delivery log: what was sent where, and how the last attempt went.</summary>
public sealed record WebhookDeliveryRow(
    Guid Id,
    Guid EndpointId,
    Guid EventId,
    string EventType,
    DateTime CreatedAt,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTime? LastAttemptAt,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastErrorCode,
    string? LastResponseExcerpt,
    DateTime? NextAttemptAt);
