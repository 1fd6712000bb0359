using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>Users whose email or name contains the search text (any case), in one of the <see cref="UserSort"/> orders, one page at a time.</summary>
public sealed class UserListQuery(MidxDbContext db)
{
    public const int PageSize = 50;

    public async Task<UserList> ExecuteAsync(string? search, UserSort sort, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var users = Matching(db, search);
        var total = await users.CountAsync(cancellationToken);
        var rows = await Rows(db, Ordered(users, sort))
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return new UserList(rows, total, page, PageSize);
    }

    internal static IQueryable<User> Matching(MidxDbContext db, string? search)
    {
        var users = db.Users.AsNoTracking();
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return users;
        }

        var pattern = "%" + EscapeLike(text) + "%";

        // SQLite's LIKE already ignores case; PostgreSQL needs ILIKE. Neither lower-cases every row first.
        return db.Database.IsNpgsql()
            ? users.Where(u => EF.Functions.ILike(u.Email, pattern, "\\") || EF.Functions.ILike(u.Name, pattern, "\\"))
            : users.Where(u => EF.Functions.Like(u.Email, pattern, "\\") || EF.Functions.Like(u.Name, pattern, "\\"));
    }

    /// <summary>The order on its indexed column, then the id, so that pages never overlap.</summary>
    internal static IQueryable<User> Ordered(IQueryable<User> users, UserSort sort) => (sort.Column, sort.Descending) switch
    {
        (UserSortColumn.Joined, false) => users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
        (UserSortColumn.Joined, true) => users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
        (UserSortColumn.LastSeen, false) => users.OrderBy(u => u.LastSeenAt).ThenBy(u => u.Id),
        (UserSortColumn.LastSeen, true) => users.OrderByDescending(u => u.LastSeenAt).ThenByDescending(u => u.Id),
        (_, true) => users.OrderByDescending(u => u.Email).ThenByDescending(u => u.Id),
        _ => users.OrderBy(u => u.Email).ThenBy(u => u.Id),
    };

    internal static IQueryable<UserRow> Rows(MidxDbContext db, IQueryable<User> users) => users.Select(u => new UserRow(
        u.Id, u.Email, u.Name, u.IsAdmin, u.IsDisabled, u.CreatedAt, u.LastSeenAt,
        db.TikTokAccounts.Count(a => a.UserId == u.Id)));

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
