using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Audit events matching the filters, newest (or oldest) first on the <c>At</c> index, one keyset page at a time.
/// Read-only by design.
/// </summary>
public sealed class AuditLogQuery(MidxDbContext db)
{
    public const int DefaultPageSize = 50;

    public async Task<AuditListResult> ExecuteAsync(AuditFilter filter, KeysetCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rows = await (await FilteredAsync(db, filter, after, cancellationToken)).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? new KeysetCursor(rows[pageSize - 1].At, rows[pageSize - 1].Id) : (KeysetCursor?)null;
        var trailOf = filter.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new AuditListResult(rows.Take(pageSize).ToList(), next, trailOf);
    }

    /// <summary>The filtered events in the filter's order, after <paramref name="after"/>; shared with <see cref="AuditExportQuery"/>.</summary>
    internal static async Task<IQueryable<AuditRow>> FilteredAsync(
        MidxDbContext db, AuditFilter filter, KeysetCursor? after, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            events = events.Where(e => e.Action == action);
        }

        var userId = filter.UserId;
        if (userId is null && !string.IsNullOrWhiteSpace(filter.UserEmail))
        {
            var email = filter.UserEmail.Trim();
            userId = await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
                ?? Guid.Empty;
        }

        if (userId is { } id)
        {
            events = events.Where(e => e.ActorUserId == id || e.SubjectUserId == id);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.At < end);
        }

        if (after is { } cursor)
        {
            events = filter.OldestFirst
                ? events.Where(e => e.At > cursor.At || (e.At == cursor.At && e.Id.CompareTo(cursor.Id) > 0))
                : events.Where(e => e.At < cursor.At || (e.At == cursor.At && e.Id.CompareTo(cursor.Id) < 0));
        }

        var ordered = filter.OldestFirst
            ? events.OrderBy(e => e.At).ThenBy(e => e.Id)
            : events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
        return
            from e in ordered
            join a in db.Users on e.ActorUserId equals a.Id into actors
            from a in actors.DefaultIfEmpty()
            join s in db.Users on e.SubjectUserId equals s.Id into subjects
            from s in subjects.DefaultIfEmpty()
            select new AuditRow(
                e.Id, e.At, e.Action, e.ActorUserId, a == null ? null : a.Email, e.SubjectUserId,
                s == null ? null : s.Email, e.Detail);
    }
}
