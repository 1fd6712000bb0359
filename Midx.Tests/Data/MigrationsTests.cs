using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void Model_ComparedWithMigrationSnapshot_HasNoPendingChanges()
    {
        using var db = CreateContext(new SqliteConnection("Data Source=:memory:"));

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration and snapshot update.");
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_GivesSameSchemaAsModel()
    {
        await using var migrated = new SqliteConnection("Data Source=:memory:");
        await using var created = new SqliteConnection("Data Source=:memory:");
        await migrated.OpenAsync();
        await created.OpenAsync();

        await using (var db = CreateContext(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = CreateContext(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeSchemaAsync(migrated);
        var fromModel = await DescribeSchemaAsync(created);
        Assert.Contains("table PublishJobs", fromModel);
        Assert.Contains("fk PublishJobs.TikTokAccountId -> TikTokAccounts.Id on delete SET NULL", fromModel);
        Assert.Contains("column PublishJobs.TikTokAccountId TEXT notnull=0 pk=0", fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public async Task Migrate_DeletingAnAccountThenItsWorkspaceThenItsUser_KeepsPostsUntilTheirWorkspaceGoes()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var db = CreateContext(connection))
        {
            await db.Database.MigrateAsync();
        }

        await AccountDeletionRules.AssertOnAsync(() => CreateContext(connection));
    }

    [Fact]
    public async Task Migrate_JobsSavedWithUploadUrls_ClearsOnlySpentOnes()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();

        await SpentUploadUrlMigration.AssertOnAsync(() => CreateContext(connection));
    }

    [Fact]
    public async Task Migrate_JobsSharingAPublishId_OnlyTheNewestKeepsItAndNoSecondCanBeSaved()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();

        await UniquePublishIdMigration.AssertOnAsync(() => CreateContext(connection));
    }

    [Fact]
    public async Task Migrate_PeopleAccountsAndPostsFromBeforeWorkspaces_MoveIntoEachPersonsOwnWorkspace()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();

        await WorkspacesMigration.AssertOnAsync(() => CreateContext(connection));
    }

    private static MidxDbContext CreateContext(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite(connection).Options);

    /// <summary>Tables, columns (type, nullability, key), indexes (uniqueness, columns) and foreign keys, sorted.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(SqliteConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info('{table}')",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt32(3)} pk={r.GetInt32(5)}"));
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            foreach (var (index, unique) in await QueryAsync(connection, $"PRAGMA index_list('{table}')", r => (r.GetString(1), r.GetInt32(2))))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info('{index}')", r => r.GetString(2));
                lines.Add($"index {table}.{index} unique={unique} ({string.Join(",", columns)})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
