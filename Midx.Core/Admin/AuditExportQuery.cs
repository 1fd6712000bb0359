using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Every audit event matching the filters, in the view's order, streamed row by row. Capped at <see cref="Csv.MaxRows"/>;
/// the console says so next to the button.
/// </summary>
public sealed class AuditExportQuery(MidxDbContext db)
{
    public async IAsyncEnumerable<AuditRow> ExecuteAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (await AuditLogQuery.FilteredAsync(db, filter, after: null, cancellationToken)).Take(Csv.MaxRows).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
