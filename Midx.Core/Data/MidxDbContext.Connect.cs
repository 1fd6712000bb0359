using Midx.Core.Connect;
using Microsoft.EntityFrameworkCore;

namespace Midx.Core.Data;

public sealed partial class MidxDbContext
{
    public DbSet<ApiApp> ApiApps => Set<ApiApp>();
    public DbSet<ConnectLink> ConnectLinks => Set<ConnectLink>();
}
