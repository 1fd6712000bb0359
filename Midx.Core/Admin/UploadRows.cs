using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Errors;

namespace Midx.Core.Admin;

/// <summary>The one translation of <see cref="UploadFilter"/> into SQL, shared by the list and the CSV export.</summary>
internal static class UploadRows
{
    public static async Task<IQueryable<UploadRow>> FilteredAsync(
        MidxDbContext db, UploadFilter filter, KeysetCursor? after, CancellationToken cancellationToken)
    {
        var jobs = db.PublishJobs.AsNoTracking();
        if (filter.State is { } state)
        {
            jobs = jobs.Where(j => j.State == state);
        }

        if (filter.Mode is { } mode)
        {
            jobs = jobs.Where(j => j.Mode == mode);
        }

        if (filter.Source is { } source)
        {
            jobs = jobs.Where(j => j.Source == source);
        }

        if (filter.UserId is { } userId)
        {
            jobs = jobs.Where(j => j.UserId == userId);
        }

        if (filter.WorkspaceId is { } workspaceId)
        {
            jobs = jobs.Where(j => j.WorkspaceId == workspaceId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Account))
        {
            var account = filter.Account.Trim();
            if (Guid.TryParse(account, out var accountId))
            {
                jobs = jobs.Where(j => j.TikTokAccountId == accountId);
            }
            else
            {
                // Resolved first, so the job lookup runs on IX_PublishJobs_TikTokAccountId_CreatedAt; a correlated
                // sub-query here made SQLite probe accounts for every job it walked.
                var username = account.TrimStart('@');
                var accountIds = await db.TikTokAccounts.Where(a => a.Username == username).Select(a => (Guid?)a.Id).ToListAsync(cancellationToken);
                jobs = jobs.Where(j => accountIds.Contains(j.TikTokAccountId));
            }
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            jobs = jobs.Where(j => j.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            jobs = jobs.Where(j => j.CreatedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.ErrorCode))
        {
            var code = filter.ErrorCode.Trim();
            jobs = code == ErrorCatalog.NoCode.Value
                ? jobs.Where(j => j.ErrorCode == null)
                : jobs.Where(j => j.ErrorCode == code);
        }

        var oldestFirst = filter.Order == UploadOrder.OldestFirst;
        if (after is { } cursor)
        {
            // The row after the cursor in the view's own order, so a page boundary between equal timestamps holds either way.
            jobs = oldestFirst
                ? jobs.Where(j => j.CreatedAt > cursor.At || (j.CreatedAt == cursor.At && j.Id.CompareTo(cursor.Id) > 0))
                : jobs.Where(j => j.CreatedAt < cursor.At || (j.CreatedAt == cursor.At && j.Id.CompareTo(cursor.Id) < 0));
        }

        jobs = oldestFirst
            ? jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id)
            : jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id);
        return from j in jobs
               join u in db.Users on j.UserId equals u.Id into owners
               from u in owners.DefaultIfEmpty()
               join a in db.TikTokAccounts on j.TikTokAccountId equals (Guid?)a.Id into linked
               from a in linked.DefaultIfEmpty()
               select new UploadRow(
                   j.Id, j.CreatedAt, j.UserId, u == null ? null : u.Email, j.TikTokAccountId,
                   // A disconnected account's row is gone; the consent record still names the creator the post went to.
                   a == null ? db.ConsentRecords.Where(c => c.JobId == j.Id).Select(c => c.CreatorUsername).FirstOrDefault() : a.Username,
                   j.Mode, j.Source, j.State, j.FileName, j.FileSize, j.PrivacyLevel, j.ScheduledAt, j.UpdatedAt,
                   j.CompletedAt, j.PublishId, j.ErrorCode, j.ErrorMessage, j.ErrorLogId);
    }
}
