using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Midx.Core.Data;

/// <summary>
/// Sets Midx's per-connection pragmas on every SQLite connection it opens; Microsoft.Data.Sqlite's connection string has
/// no keyword for either (https://sqlite.org/pragma.html):
/// <list type="bullet">
/// <item><c>secure_delete</c>, so a deleted row's bytes are overwritten with zeros instead of lingering in freed pages
/// until SQLite happens to reuse them;</item>
/// <item><c>busy_timeout</c>, so a write that finds another under way waits inside SQLite, which looks again within a
/// few milliseconds, instead of failing back to Microsoft.Data.Sqlite, which sleeps 150 ms between tries. Writers take
/// turns on SQLite, and without it every collision of two costs 150 ms.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    /// <summary>As long as the connection string's <c>Default Timeout</c>: past it, the command fails as it would have.</summary>
    private const string Pragmas = "PRAGMA secure_delete = ON; PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
