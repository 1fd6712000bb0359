using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Accounts;

/// <summary>The signed-in person's own profile, as the settings page shows it.</summary>
public sealed class UserProfileQuery(MidxDbContext db)
{
    public Task<UserProfile?> ExecuteAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserProfile(u.Name, u.Email, u.AvatarUrl, u.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
}

public sealed record UserProfile(string Name, string Email, string? AvatarUrl, DateTime CreatedAt);
