using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// Jobs that failed in the <see cref="AdminWindow.LastWeek"/>, grouped by error code, most frequent first, with each group's newest examples,
/// in one database query. Only failed jobs are read (IX_PublishJobs_State_UpdatedAt), and only the columns the page shows.
/// </summary>
public sealed class FailureGroupsQuery(MidxDbContext db, TimeProvider time)
{
    public const int ExamplesPerGroup = 3;

    public async Task<IReadOnlyList<FailureGroup>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var weekAgo = AdminWindow.LastWeek.Start(now);
        var dayAgo = AdminWindow.LastDay.Start(now);

        var groups = await db.PublishJobs.AsNoTracking()
            .Where(j => j.State == JobState.Failed && j.UpdatedAt >= weekAgo)
            .GroupBy(j => j.ErrorCode)
            .Select(g => new
            {
                Code = g.Key,
                LastWeek = g.Count(),
                LastDay = g.Count(j => j.UpdatedAt >= dayAgo),
                LastSeenAt = g.Max(j => j.UpdatedAt),
                Examples = g.OrderByDescending(j => j.UpdatedAt).Take(ExamplesPerGroup)
                    .Select(j => new FailureExample(j.Id, j.UpdatedAt, j.ErrorMessage)).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        return groups
            .OrderByDescending(g => g.LastDay).ThenByDescending(g => g.LastWeek)
            .Select(g => new FailureGroup(g.Code ?? ErrorCatalog.NoCode.Value, g.LastDay, g.LastWeek, g.LastSeenAt, ErrorCatalog.Find(g.Code), g.Examples))
            .ToList();
    }
}
