using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>The latest publish events across all users, newest first: the feed as it stood when the page rendered.</summary>
public sealed class RecentActivityQuery(MidxDbContext db)
{
    public async Task<IReadOnlyList<FeedItem>> ExecuteAsync(int limit, CancellationToken cancellationToken) =>
        await (
                from e in db.PublishEvents.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit)
                join j in db.PublishJobs on e.JobId equals j.Id
                join u in db.Users on j.UserId equals u.Id into owners
                from u in owners.DefaultIfEmpty()
                join a in db.TikTokAccounts on j.TikTokAccountId equals (Guid?)a.Id into linked
                from a in linked.DefaultIfEmpty()
                orderby e.At descending, e.Id descending
                select new FeedItem(
                    e.JobId, e.At, e.State, u == null ? null : u.Email,
                    a == null ? db.ConsentRecords.Where(c => c.JobId == j.Id).Select(c => c.CreatorUsername).FirstOrDefault() : a.Username, j.FileName,
                    e.Message, e.ErrorCode))
            .ToListAsync(cancellationToken);
}
