using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Admin;

/// <summary>
/// Workspaces matching the filter, newest first on the <c>CreatedAt</c> index, one keyset page at a time. Counts are
/// sub-queries of the page's one statement, and the page's owners come in one more: two statements whatever the page size.
/// </summary>
public sealed class WorkspaceListQuery(MidxDbContext db, TimeProvider time)
{
    public const int DefaultPageSize = 50;

    public async Task<WorkspaceListResult> ExecuteAsync(WorkspaceFilter filter, KeysetCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var now = time.GetUtcNow().UtcDateTime;
        var workspaces = db.Workspaces.AsNoTracking();
        if (!filter.IncludePersonal)
        {
            workspaces = workspaces.Where(w => !w.IsPersonal);
        }

        var text = filter.Search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + UserListQuery.EscapeLike(text) + "%";

            // SQLite's LIKE already ignores case; PostgreSQL needs ILIKE.
            workspaces = db.Database.IsNpgsql()
                ? workspaces.Where(w => EF.Functions.ILike(w.Name, pattern, "\\"))
                : workspaces.Where(w => EF.Functions.Like(w.Name, pattern, "\\"));
        }

        if (after is { } cursor)
        {
            workspaces = workspaces.Where(w => w.CreatedAt < cursor.At || (w.CreatedAt == cursor.At && w.Id.CompareTo(cursor.Id) < 0));
        }

        var rows = await workspaces
            .OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id)
            .Take(pageSize + 1)
            .Select(w => new
            {
                w.Id,
                w.Name,
                w.IsPersonal,
                w.CreatedAt,
                Members = db.WorkspaceMembers.Count(m => m.WorkspaceId == w.Id),
                Accounts = db.TikTokAccounts.Count(a => a.WorkspaceId == w.Id),
                Posts = db.PublishJobs.Count(j => j.WorkspaceId == w.Id),
                Pending = db.WorkspaceInvitations.Count(i => i.WorkspaceId == w.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now),
            })
            .ToListAsync(cancellationToken);

        var page = rows.Take(pageSize).ToList();
        var ids = page.Select(w => w.Id).ToList();
        var owners = (await (from m in db.WorkspaceMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where ids.Contains(m.WorkspaceId) && m.Role == WorkspaceRole.Owner
                             select new { m.WorkspaceId, u.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.WorkspaceId, o => o.Name);

        var next = rows.Count > pageSize ? new KeysetCursor(page[^1].CreatedAt, page[^1].Id) : (KeysetCursor?)null;
        return new WorkspaceListResult(
            page.Select(w => new WorkspaceRow(
                w.Id, w.Name, w.IsPersonal, w.CreatedAt, w.Members,
                owners[w.Id].Order(StringComparer.CurrentCultureIgnoreCase).ToList(), w.Accounts, w.Posts, w.Pending)).ToList(),
            next);
    }
}
