using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// Jobs that failed in the last 7 days, grouped by error code, most frequent first. Only failed jobs are read
/// (IX_PublishJobs_State_UpdatedAt), and only the columns the page shows.
/// </summary>
public sealed class FailureGroupsQuery(MidxDbContext db, TimeProvider time)
{
    public const int ExamplesPerGroup = 3;

    public async Task<IReadOnlyList<FailureGroup>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var weekAgo = now.AddDays(-7);
        var dayAgo = now.AddDays(-1);

        var counts = await db.PublishJobs.AsNoTracking()
            .Where(j => j.State == JobState.Failed && j.UpdatedAt >= weekAgo)
            .GroupBy(j => j.ErrorCode)
            .Select(g => new
            {
                Code = g.Key,
                LastWeek = g.Count(),
                LastDay = g.Count(j => j.UpdatedAt >= dayAgo),
                LastSeenAt = g.Max(j => j.UpdatedAt),
            })
            .ToListAsync(cancellationToken);

        var groups = new List<FailureGroup>(counts.Count);
        foreach (var group in counts.OrderByDescending(c => c.LastDay).ThenByDescending(c => c.LastWeek))
        {
            var code = group.Code;
            var examples = await db.PublishJobs.AsNoTracking()
                .Where(j => j.State == JobState.Failed && j.UpdatedAt >= weekAgo && j.ErrorCode == code)
                .OrderByDescending(j => j.UpdatedAt)
                .Take(ExamplesPerGroup)
                .Select(j => new FailureExample(j.Id, j.UpdatedAt, j.ErrorMessage))
                .ToListAsync(cancellationToken);
            var key = code ?? FailureCatalog.NoCode;
            groups.Add(new FailureGroup(key, group.LastDay, group.LastWeek, group.LastSeenAt, FailureCatalog.Explain(code), examples));
        }

        return groups;
    }
}
