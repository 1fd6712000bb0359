using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// Uploads and failures per UTC day for the last <c>days</c> days, today included. Two index range counts per day
/// (IX_PublishJobs_CreatedAt_Id and IX_PublishJobs_State_CreatedAt_Id) instead of grouping on a date function, which would
/// read every row of the month and differs between SQLite and PostgreSQL.
/// </summary>
public sealed class DailyUploadsQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<DailyUploads>> ExecuteAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var result = new List<DailyUploads>(days);
        for (var offset = days - 1; offset >= 0; offset--)
        {
            var day = today.AddDays(-offset);
            var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = start.AddDays(1);
            var uploads = await db.PublishJobs.CountAsync(j => j.CreatedAt >= start && j.CreatedAt < end, cancellationToken);
            var failures = await db.PublishJobs.CountAsync(
                j => j.State == JobState.Failed && j.CreatedAt >= start && j.CreatedAt < end, cancellationToken);
            result.Add(new DailyUploads(day, uploads, failures));
        }

        return result;
    }
}
