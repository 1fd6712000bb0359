using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Midx.Core.Data;

/// <summary>
/// Turns on <c>PRAGMA secure_delete</c> for every SQLite connection Midx opens, so a deleted row's bytes are overwritten
/// with zeros instead of lingering in freed pages until SQLite happens to reuse them (https://sqlite.org/pragma.html#pragma_secure_delete).
/// It is a per-connection setting that Microsoft.Data.Sqlite's connection string has no keyword for, hence an interceptor.
/// </summary>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
