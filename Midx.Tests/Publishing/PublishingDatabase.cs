using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// A migrated SQLite database in a temporary file (so concurrent contexts each get their own connection, as in the
/// app) with a user and a linked TikTok account, for publishing tests.
/// </summary>
internal sealed class PublishingDatabase : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"midx-publishing-{Guid.NewGuid():N}.db");

    private PublishingDatabase()
    {
    }

    public User User { get; private set; } = default!;

    public TikTokAccount Account { get; private set; } = default!;

    public static async Task<PublishingDatabase> CreateAsync(DateTime now)
    {
        var database = new PublishingDatabase();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        database.User = await database.AddUserAsync("creator@midx.test", now);
        database.Account = await database.AddAccountAsync(database.User.Id, now);
        return database;
    }

    public MidxDbContext NewContext() =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite($"Data Source={_file};Default Timeout=30;Pooling=False").Options);

    public async Task<User> AddUserAsync(string email, DateTime now)
    {
        await using var db = NewContext();
        var user = new User { GoogleSubject = "sub-" + email, Email = email, Name = email, CreatedAt = now, LastSeenAt = now };
        db.AddPerson(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<TikTokAccount> AddAccountAsync(Guid userId, DateTime now)
    {
        await using var db = NewContext();
        var account = new TikTokAccount
        {
            UserId = userId,
            WorkspaceId = userId,
            OpenId = "open-" + Guid.NewGuid().ToString("N"),
            Username = "creator",
            DisplayName = "Creator",
            GrantedScopes = "user.info.basic,video.publish,video.upload",
            ConnectedAt = now,
            LastSeenAt = now,
        };
        db.TikTokAccounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    public async Task<PublishJob> AddJobAsync(JobState state, DateTime now, Action<PublishJob>? configure = null)
    {
        await using var db = NewContext();
        var job = new PublishJob
        {
            UserId = User.Id,
            WorkspaceId = User.Id,
            TikTokAccountId = Account.Id,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            State = state,
            FileName = "clip.mp4",
            FileSize = 9582,
            MimeType = "video/mp4",
            CreatedAt = now,
            UpdatedAt = now,
        };
        configure?.Invoke(job);
        db.PublishJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
