using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Midx.Core.Accounts;
using Midx.Core.Workspaces;

namespace Midx.Core.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        b.Property(x => x.Events).HasConversion<string>().HasMaxLength(200);
        b.Property(x => x.SecretCipher).HasMaxLength(1000);
        b.Property(x => x.DisabledReason).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Who made it is history; the endpoint is the workspace's and stays with it.
        b.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.EventType).HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LeaseOwner).HasMaxLength(200);
        b.Property(x => x.LastErrorCode).HasMaxLength(64);
        b.Property(x => x.LastResponseExcerpt).HasMaxLength(WebhookDelivery.MaxExcerptLength);
        // The dispatcher's claim looks for pending deliveries by when they are due.
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        // The delivery log lists an endpoint's deliveries newest first.
        b.HasIndex(x => new { x.EndpointId, x.CreatedAt });
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
