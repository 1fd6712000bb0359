using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Accounts;

/// <summary>
/// Answers "does this session still stand?" on every authenticated request: the user exists, is not disabled and
/// still carries the stamp the cookie was issued with. One primary-key lookup of two columns, no tracking.
/// </summary>
public sealed class SessionStampQuery(MidxDbContext db)
{
    public async Task<bool> ExecuteAsync(Guid userId, string securityStamp, CancellationToken cancellationToken)
    {
        var current = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .SingleOrDefaultAsync(cancellationToken);
        return current is { IsDisabled: false } && string.Equals(current.SecurityStamp, securityStamp, StringComparison.Ordinal);
    }
}
