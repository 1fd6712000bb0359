using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>The distinct action names in the audit log, for the filter's drop-down (read from IX_AuditEvents_Action_At).</summary>
public sealed class AuditActionsQuery(MidxDbContext db)
{
    public async Task<IReadOnlyList<string>> ExecuteAsync(CancellationToken cancellationToken) =>
        await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
}
