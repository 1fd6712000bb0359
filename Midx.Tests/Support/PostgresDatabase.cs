using Npgsql;

namespace Midx.Tests.Support;

/// <summary>
/// A fresh, uniquely named database on the PostgreSQL server that ./test.sh starts on loopback
/// (connection string in MIDX_TEST_POSTGRES). Dropped on dispose.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = System.Environment.GetEnvironmentVariable("MIDX_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException(
                "MIDX_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL server "
                + "(install the postgresql package if initdb is missing).");
        }

        var database = new PostgresDatabase(admin, "midx_test_" + Guid.NewGuid().ToString("N")[..12]);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
