using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>Uploads matching the filters, in the filter's order, one keyset page at a time.</summary>
public sealed class UploadListQuery(MidxDbContext db)
{
    public const int DefaultPageSize = 50;

    public async Task<UploadListResult> ExecuteAsync(UploadFilter filter, KeysetCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rows = await (await UploadRows.FilteredAsync(db, filter, after, cancellationToken))
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? new KeysetCursor(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id) : (KeysetCursor?)null;
        return new UploadListResult(rows.Take(pageSize).ToList(), next);
    }
}
