using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Every user the console's user list shows for a search, in the list's order, streamed row by row. Capped at
/// <see cref="Csv.MaxRows"/>; the console says so next to the button.
/// </summary>
public sealed class UserExportQuery(MidxDbContext db)
{
    public async IAsyncEnumerable<UserRow> ExecuteAsync(
        string? search, UserSort sort, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = UserListQuery.Rows(db, UserListQuery.Ordered(UserListQuery.Matching(db, search), sort)).Take(Csv.MaxRows).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The view in words, for the audit log: <c>users matching "grace", Email, A to Z</c>.</summary>
    public static string Describe(string? search, UserSort sort) =>
        (string.IsNullOrWhiteSpace(search) ? "all users" : $"users matching \"{search.Trim()}\"") + ", " + sort.Label;
}
