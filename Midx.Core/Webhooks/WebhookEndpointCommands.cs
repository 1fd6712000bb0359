using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Webhooks;

/// <summary>An endpoint just made: its id, and its signing secret, which is shown this once and never again.</summary>
public sealed record IssuedWebhookEndpoint(WorkspaceActionResult Result, Guid? EndpointId = null, string? Secret = null);

/// <summary>
/// An Owner adds, turns off and on, and deletes a workspace's webhook endpoints (they are its settings), and sends a
/// delivery again; every change is audited.
/// </summary>
public sealed class WebhookEndpointCommands(MidxDbContext db, WebhookSecret secrets, AuditLog audit, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string NotAllowedMessage = "Only an Owner of this workspace can manage its webhooks.";

    public const string EventRequired = "Choose at least one event to send.";

    public static readonly string TooMany = $"A workspace can have at most {WebhookEndpoint.MaxPerWorkspace} webhook endpoints. Delete one first.";

    public const string NoSuchEndpoint = "There is no such webhook endpoint in this workspace.";

    public const string NoSuchDelivery = "There is no such delivery in this workspace.";

    public async Task<IssuedWebhookEndpoint> CreateAsync(Guid userId, Guid workspaceId, string? url, WebhookEventTypes events, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await FindAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return new IssuedWebhookEndpoint(refusal!);
        }

        var problem = WebhookAddress.Problem(url?.Trim(), options.Value.AllowPrivateAddresses)
            ?? (events == WebhookEventTypes.None ? EventRequired : null)
            ?? (await db.WebhookEndpoints.CountAsync(e => e.WorkspaceId == workspaceId, cancellationToken) >= WebhookEndpoint.MaxPerWorkspace ? TooMany : null);
        if (problem is not null)
        {
            return new IssuedWebhookEndpoint(WorkspaceActionResult.Refused(problem));
        }

        var secret = WebhookSecret.New();
        var endpoint = new WebhookEndpoint
        {
            WorkspaceId = workspaceId, Url = url!.Trim(), Events = events, SecretCipher = "", CreatedByUserId = userId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        endpoint.SecretCipher = secrets.Protect(endpoint.Id, secret);
        db.WebhookEndpoints.Add(endpoint);
        audit.Add(WebhookAuditActions.Created, userId, userId, $"endpoint {endpoint.Id} ({HostOf(endpoint.Url)}; {string.Join(' ', WebhookEvents.Names(events))}) in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedWebhookEndpoint(WorkspaceActionResult.Done("Endpoint added. Copy its signing secret now: Midx shows it only this once."), endpoint.Id, secret);
    }

    /// <summary>Turns the endpoint off (it receives nothing until turned on) or on again, which also clears its run of failures.</summary>
    public async Task<WorkspaceActionResult> SetEnabledAsync(Guid userId, Guid workspaceId, Guid endpointId, bool enabled, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await FindEndpointAsync(userId, workspaceId, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return refusal!;
        }

        if (enabled == (endpoint.DisabledAt is null))
        {
            return WorkspaceActionResult.Done(enabled ? "The endpoint is already on." : "The endpoint is already off.");
        }

        endpoint.DisabledAt = enabled ? null : time.GetUtcNow().UtcDateTime;
        endpoint.DisabledReason = enabled ? null : WebhookDisabledReason.ByOwner;
        endpoint.ConsecutiveFailures = 0;
        audit.Add(enabled ? WebhookAuditActions.Enabled : WebhookAuditActions.Disabled, userId, userId, $"endpoint {endpoint.Id} ({HostOf(endpoint.Url)}) in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done(enabled
            ? $"Events go to {HostOf(endpoint.Url)} again, including those still waiting to be sent."
            : $"No events go to {HostOf(endpoint.Url)} until you turn it on again.");
    }

    public async Task<WorkspaceActionResult> DeleteAsync(Guid userId, Guid workspaceId, Guid endpointId, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await FindEndpointAsync(userId, workspaceId, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return refusal!;
        }

        db.WebhookEndpoints.Remove(endpoint);
        audit.Add(WebhookAuditActions.Deleted, userId, userId, $"endpoint {endpoint.Id} ({HostOf(endpoint.Url)}) in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"The endpoint {HostOf(endpoint.Url)} is deleted, with its deliveries.");
    }

    /// <summary>Queues the delivery's event once more to its endpoint (<see cref="WebhookOutbox.AddAgainAsync"/>).</summary>
    public async Task<WorkspaceActionResult> SendAgainAsync(Guid userId, Guid workspaceId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await FindAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return refusal!;
        }

        if (await WebhookOutbox.AddAgainAsync(db, workspaceId, deliveryId, time.GetUtcNow().UtcDateTime, cancellationToken) is not { } queued)
        {
            return WorkspaceActionResult.Refused(NoSuchDelivery);
        }

        audit.Add(WebhookAuditActions.SentAgain, userId, userId, queued.AuditDetail(workspaceId));
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done(queued.Message);
    }

    public static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;

    private static readonly WorkspaceActionResult NotAllowed = new(WorkspaceActionOutcome.NotAllowed, NotAllowedMessage);

    private Task<(Workspace? Workspace, WorkspaceActionResult? Refusal)> FindAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        db.FindWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings, NotAllowed, cancellationToken);

    private Task<(WebhookEndpoint? Endpoint, WorkspaceActionResult? Refusal)> FindEndpointAsync(
        Guid userId, Guid workspaceId, Guid endpointId, CancellationToken cancellationToken) =>
        db.FindItemWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings, NotAllowed,
            db.WebhookEndpoints.Where(e => e.Id == endpointId && e.WorkspaceId == workspaceId), NoSuchEndpoint, cancellationToken);
}
