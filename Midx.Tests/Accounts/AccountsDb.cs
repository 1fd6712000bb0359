using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

/// <summary>Reads and changes the app's own database the way an admin command would, for assertions and set-up.</summary>
internal static class AccountsDb
{
    public static async Task<T> QueryAsync<T>(this MidxAppFactory app, Func<MidxDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MidxDbContext>());
    }

    public static Task<List<User>> UsersAsync(this MidxAppFactory app) =>
        app.QueryAsync(db => db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ToListAsync());

    public static Task<User> UserByEmailAsync(this MidxAppFactory app, string email) =>
        app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    /// <summary>Makes the person called <paramref name="name"/> a member with <paramref name="role"/>, as an accepted invitation would.</summary>
    public static Task JoinWorkspaceAsync(this MidxAppFactory app, Guid workspaceId, string name, WorkspaceRole role) => app.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = role, JoinedAt = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    public static Task<List<AuditEvent>> AuditAsync(this MidxAppFactory app, string action) =>
        app.QueryAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.At).ToListAsync());

    public static Task UpdateUserAsync(this MidxAppFactory app, Guid userId, Action<User> change) =>
        app.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            change(user);
            return await db.SaveChangesAsync();
        });
}
