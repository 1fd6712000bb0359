using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Every upload matching the filters, in the filter's order, streamed row by row so an export never holds the result in memory.
/// Capped at <see cref="Csv.MaxRows"/>; the console says so next to the button.
/// </summary>
public sealed class UploadExportQuery(MidxDbContext db)
{
    public async IAsyncEnumerable<UploadRow> ExecuteAsync(
        UploadFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = (await UploadRows.FilteredAsync(db, filter, after: null, cancellationToken)).Take(Csv.MaxRows).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
