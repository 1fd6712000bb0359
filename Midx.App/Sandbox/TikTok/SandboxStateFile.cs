using Microsoft.Data.Sqlite;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The small SQLite file in which the sandbox TikTok keeps what TikTok's own servers remember across a restart of theirs:
/// authorization codes and tokens (https://developers.tiktok.com/doc/oauth-user-access-token-management), publishes and
/// the 24-hour post counters (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post), and upload
/// sessions with the bytes received so far (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide),
/// those bytes in a file per upload in <see cref="UploadsFolder"/> beside it. Each part still answers from memory and writes
/// every change through here inside its own lock, so a restarted process (a <c>kill -9</c> test, a developer's restart)
/// starts from what the last one confirmed. Clock offset, switches, faults, journal and rate-limit windows are test
/// controls, not TikTok's memory, and are not kept. Thread-safe: every call opens its own pooled connection.
/// </summary>
public sealed class SandboxStateFile
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS codes (code TEXT PRIMARY KEY, grant_json TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS token_families (id TEXT PRIMARY KEY, open_id TEXT NOT NULL, scopes TEXT NOT NULL, revoked INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS access_tokens (token TEXT PRIMARY KEY, family_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS refresh_tokens (token TEXT PRIMARY KEY, family_id TEXT NOT NULL, expires_at INTEGER NOT NULL, invalidated INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS publishes (publish_id TEXT PRIMARY KEY, record_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS uploads (upload_id TEXT PRIMARY KEY, upload_token TEXT NOT NULL, video_size INTEGER NOT NULL,
            chunk_size INTEGER NOT NULL, chunk_count INTEGER NOT NULL, expires_at INTEGER NOT NULL, received_bytes INTEGER NOT NULL,
            received_chunks INTEGER NOT NULL, sha256 TEXT, completed_at INTEGER);
        CREATE TABLE IF NOT EXISTS direct_posts (open_id TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS active_publishers (open_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
        """;

    private readonly string _connectionString;

    public SandboxStateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        UploadsFolder = System.IO.Path.ChangeExtension(Path, ".uploads");
        Directory.CreateDirectory(UploadsFolder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 30 }.ToString();
        Execute(Schema);
    }

    public string Path { get; }

    /// <summary>Where an unfinished upload's received bytes are kept, one file per upload id.</summary>
    public string UploadsFolder { get; }

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Moments are kept as UTC ticks, so a restored time equals the one written to the tick.</summary>
    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    public static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
