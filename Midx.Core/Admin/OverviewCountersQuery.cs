using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// Users, linked accounts, jobs created in the last 24 hours by state, and jobs that failed in the last hour and day.
/// Every count is answered from an index (jobs by State+CreatedAt and State+UpdatedAt), never by loading rows.
/// </summary>
public sealed class OverviewCountersQuery(MidxDbContext db, TimeProvider time)
{
    public async Task<OverviewCounters> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dayAgo = AdminWindow.LastDay.Start(now);
        var hourAgo = AdminWindow.LastHour.Start(now);

        var users = await db.Users.CountAsync(cancellationToken);
        var admins = await db.Users.CountAsync(u => u.IsAdmin, cancellationToken);
        var disabled = await db.Users.CountAsync(u => u.IsDisabled, cancellationToken);
        var accounts = await db.TikTokAccounts.CountAsync(cancellationToken);

        // One range count per state keeps each lookup on IX_PublishJobs_State_CreatedAt_Id.
        var byState = new List<StateCount>();
        foreach (var state in Enum.GetValues<JobState>())
        {
            var count = await db.PublishJobs.CountAsync(j => j.State == state && j.CreatedAt >= dayAgo, cancellationToken);
            byState.Add(new StateCount(state, count));
        }

        // A failed job is not touched again, so its UpdatedAt is the moment it failed.
        var failedHour = await db.PublishJobs.CountAsync(j => j.State == JobState.Failed && j.UpdatedAt >= hourAgo, cancellationToken);
        var failedDay = await db.PublishJobs.CountAsync(j => j.State == JobState.Failed && j.UpdatedAt >= dayAgo, cancellationToken);

        return new OverviewCounters(users, admins, disabled, accounts, byState, failedHour, failedDay);
    }
}
