using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Data;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>A migrated in-memory SQLite database and a fake clock for one test.</summary>
public abstract class AdminDatabase : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected FakeTimeProvider Time { get; } = TestClock.Create();

    protected MidxDbContext Db { get; private set; } = default!;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        Db = NewContext();
        await Db.Database.MigrateAsync();
    }

    /// <summary>A second context on the same database, so assertions read what was saved, not what was tracked.</summary>
    protected MidxDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite(_connection).AddInterceptors(interceptors).Options);

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
