using Midx.Core.Data;
using Midx.Core.Webhooks;

namespace Midx.Core.Admin;

/// <summary>
/// An admin sends a workspace's webhook delivery again from the console, as its Owners can from settings
/// (<see cref="WebhookOutbox.AddAgainAsync"/>): the same event id and body, a new delivery. Audited with the admin's
/// reason; without a reason nothing changes (<see cref="AdminActionReason"/>).
/// </summary>
public sealed class SendWebhookAgainCommand(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<AdminActionResult> ExecuteAsync(Guid adminId, Guid workspaceId, Guid deliveryId, string? reason, CancellationToken cancellationToken)
    {
        if (AdminActionReason.Clean(reason) is not { } why)
        {
            return AdminActionResult.Refused(AdminActionReason.Missing);
        }

        if (await WebhookOutbox.AddAgainAsync(db, workspaceId, deliveryId, time.GetUtcNow().UtcDateTime, cancellationToken) is not { } queued)
        {
            return AdminActionResult.NotFound(WebhookEndpointCommands.NoSuchDelivery);
        }

        audit.Add(AdminAuditActions.SentWebhookAgain, adminId, null, $"{queued.AuditDetail(workspaceId)}; reason: {why}");
        await db.SaveChangesAsync(cancellationToken);
        return AdminActionResult.Done(queued.Message);
    }
}
