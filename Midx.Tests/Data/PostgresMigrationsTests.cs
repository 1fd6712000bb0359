using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Tests.Support;
using Npgsql;

namespace Midx.Tests.Data;

/// <summary>The same hand-written migrations must serve the multi-instance path on a real PostgreSQL server.</summary>
public sealed class PostgresMigrationsTests
{
    [Fact]
    public async Task Migrate_EmptyPostgresDatabase_GivesSameSchemaAsModel()
    {
        await using var migrated = await PostgresDatabase.CreateAsync();
        await using var created = await PostgresDatabase.CreateAsync();

        await using (var db = CreateContext(migrated.ConnectionString))
        {
            await db.Database.MigrateAsync();
            Assert.False(db.Database.HasPendingModelChanges());
        }

        await using (var db = CreateContext(created.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromModel = await DescribeSchemaAsync(created.ConnectionString);
        Assert.Contains(fromModel, line => line.StartsWith("column PublishJobs.State character varying(32)", StringComparison.Ordinal));
        Assert.Contains("column PublishJobs.TikTokAccountId uuid nullable=YES", fromModel);
        Assert.Contains(fromModel, line => line.Contains("FOREIGN KEY (\"TikTokAccountId\") REFERENCES \"TikTokAccounts\"(\"Id\") ON DELETE SET NULL", StringComparison.Ordinal));
        Assert.Equal(fromModel, await DescribeSchemaAsync(migrated.ConnectionString));
    }

    [Fact]
    public async Task Migrate_DeletingAnAccountThenItsWorkspaceThenItsUser_KeepsPostsUntilTheirWorkspaceGoes()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var db = CreateContext(database.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await AccountDeletionRules.AssertOnAsync(() => CreateContext(database.ConnectionString));
    }

    [Fact]
    public async Task Migrate_JobsSavedWithUploadUrls_ClearsOnlySpentOnes()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        await SpentUploadUrlMigration.AssertOnAsync(() => CreateContext(database.ConnectionString));
    }

    [Fact]
    public async Task Migrate_JobsSharingAPublishId_OnlyTheNewestKeepsItAndNoSecondCanBeSaved()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        await UniquePublishIdMigration.AssertOnAsync(() => CreateContext(database.ConnectionString));
    }

    [Fact]
    public async Task Migrate_PeopleAccountsAndPostsFromBeforeWorkspaces_MoveIntoEachPersonsOwnWorkspace()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        await WorkspacesMigration.AssertOnAsync(() => CreateContext(database.ConnectionString));
    }

    [Fact]
    public async Task SaveAndLoad_OnPostgres_KeepsUtcTimestamps()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var seen = new DateTime(2026, 11, 22, 8, 30, 15, DateTimeKind.Utc);
        await using (var db = CreateContext(database.ConnectionString))
        {
            await db.Database.MigrateAsync();
            db.Users.Add(new User { GoogleSubject = "sub-1", Email = "a@example.test", Name = "A", CreatedAt = seen, LastSeenAt = seen });
            await db.SaveChangesAsync();
        }

        await using (var db = CreateContext(database.ConnectionString))
        {
            var user = await db.Users.SingleAsync();
            Assert.Equal(seen, user.LastSeenAt);
            Assert.Equal(DateTimeKind.Utc, user.LastSeenAt.Kind);
        }
    }

    private static MidxDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<List<string>> DescribeSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' ||
                   CASE WHEN character_maximum_length IS NULL THEN data_type ELSE data_type || '(' || character_maximum_length || ')' END ||
                   ' nullable=' || is_nullable
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'index ' || tablename || ' ' || regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+ ON ', 'CREATE \1INDEX ON ')
            FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EF%'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
