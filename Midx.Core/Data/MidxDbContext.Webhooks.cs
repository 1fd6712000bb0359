using Microsoft.EntityFrameworkCore;
using Midx.Core.Webhooks;

namespace Midx.Core.Data;

public sealed partial class MidxDbContext
{
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
}
