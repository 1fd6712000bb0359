using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Webhooks;

/// <summary>
/// A workspace's webhook endpoints, newest first, and its newest <see cref="LogSize"/> deliveries: for its settings, to an
/// Owner only, and for the admin console. Never a secret.
/// </summary>
public sealed class WebhooksQuery(MidxDbContext db)
{
    public const int LogSize = 20;

    private static readonly Expression<Func<WebhookEndpoint, WebhookEndpointSummary>> Summary =
        e => new WebhookEndpointSummary(e.Id, e.Url, e.Events, e.CreatedAt, e.DisabledAt, e.DisabledReason, e.ConsecutiveFailures);

    public Task<WebhooksView> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        ReadAsync(workspaceId, db.WebhookEndpoints.Where(e => db.WorkspacesWhere(userId, WorkspacePermission.ManageSettings).Contains(e.WorkspaceId)), cancellationToken);

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

    private async Task<WebhooksView> ReadAsync(Guid workspaceId, IQueryable<WebhookEndpoint> visible, CancellationToken cancellationToken)
    {
        var endpoints = await visible.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(Summary)
            .ToListAsync(cancellationToken);
        var ids = endpoints.Select(e => e.Id).ToList();
        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.EndpointId))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(LogSize)
            .Select(d => new WebhookDeliveryRow(d.Id, d.EndpointId, d.EventId, d.EventType, d.CreatedAt, d.Status, d.Attempts, d.LastAttemptAt,
                d.LastStatusCode, d.LastDurationMs, d.LastErrorCode, d.LastResponseExcerpt, d.NextAttemptAt))
            .ToListAsync(cancellationToken);
        return new WebhooksView(endpoints, deliveries);
    }
}

public sealed record WebhooksView(IReadOnlyList<WebhookEndpointSummary> Endpoints, IReadOnlyList<WebhookDeliveryRow> Deliveries);

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
