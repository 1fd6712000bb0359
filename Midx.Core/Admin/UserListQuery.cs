using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>Users whose email or name contains the search text (any case), ordered by email, one page at a time.</summary>
public sealed class UserListQuery(MidxDbContext db)
{
    public const int PageSize = 50;

    public async Task<UserList> ExecuteAsync(string? search, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var users = db.Users.AsNoTracking();
        var text = search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + EscapeLike(text) + "%";

            // SQLite's LIKE already ignores case; PostgreSQL needs ILIKE. Neither lower-cases every row first.
            users = db.Database.IsNpgsql()
                ? users.Where(u => EF.Functions.ILike(u.Email, pattern, "\\") || EF.Functions.ILike(u.Name, pattern, "\\"))
                : users.Where(u => EF.Functions.Like(u.Email, pattern, "\\") || EF.Functions.Like(u.Name, pattern, "\\"));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users
            .OrderBy(u => u.Email).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new UserRow(
                u.Id, u.Email, u.Name, u.IsAdmin, u.IsDisabled, u.CreatedAt, u.LastSeenAt,
                db.TikTokAccounts.Count(a => a.UserId == u.Id)))
            .ToListAsync(cancellationToken);
        return new UserList(rows, total, page, PageSize);
    }

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
