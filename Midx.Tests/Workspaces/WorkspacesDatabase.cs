using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Workspaces;

/// <summary>
/// A migrated in-memory SQLite database, a fake clock, and people with their personal workspaces, for the workspace
/// commands' tests. Commands run on <see cref="Db"/>; assertions read through <see cref="ReadAsync{T}"/>, a fresh context.
/// </summary>
public abstract class WorkspacesDatabase : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected FakeTimeProvider Time { get; } = TestClock.Create();

    protected MidxDbContext Db { get; private set; } = default!;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    protected AuditLog Audit => new(Db, Time);

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        Db = NewContext();
        await Db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>A person as a first sign-in leaves them: the user and their personal workspace.</summary>
    protected async Task<User> AddUserAsync(string email, string name)
    {
        await using var db = NewContext();
        var user = db.AddPerson(new User { GoogleSubject = "sub-" + email, Email = email, Name = name, CreatedAt = Now, LastSeenAt = Now });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A shared workspace with <paramref name="members"/> in it, each with their role.</summary>
    protected async Task<Workspace> AddSharedAsync(string name, params (User User, WorkspaceRole Role)[] members)
    {
        await using var db = NewContext();
        var workspace = new Workspace { Name = name, CreatedAt = Now };
        db.Workspaces.Add(workspace);
        foreach (var (user, role) in members)
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspace.Id, UserId = user.Id, Role = role, JoinedAt = Now });
        }

        await db.SaveChangesAsync();
        return workspace;
    }

    protected async Task<T> ReadAsync<T>(Func<MidxDbContext, Task<T>> read)
    {
        await using var db = NewContext();
        return await read(db);
    }

    protected Task<WorkspaceRole?> RoleOfAsync(Guid workspaceId, Guid userId) =>
        ReadAsync(db => db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync());

    protected Task<List<AuditEvent>> AuditAsync(string action) =>
        ReadAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == action).ToListAsync());

    protected InviteMemberCommand Invite => new(Db, Audit, Time);

    protected AcceptInvitationCommand Accept => new(Db, Audit, Time);

    /// <summary>Invites <paramref name="email"/> and hands back the link's secret, failing the test if the invitation is refused.</summary>
    protected async Task<string> InviteAsync(User owner, Workspace workspace, string email, WorkspaceRole role = WorkspaceRole.Editor)
    {
        var result = await Invite.ExecuteAsync(owner.Id, workspace.Id, email, role, CancellationToken.None);
        Assert.True(result.Result.Succeeded, result.Result.Message);
        return result.Link!.Secret;
    }

    private MidxDbContext NewContext() => new(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite(_connection).Options);
}
