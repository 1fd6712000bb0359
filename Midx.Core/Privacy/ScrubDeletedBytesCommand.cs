using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Data;

namespace Midx.Core.Privacy;

/// <summary>
/// Run after rows were deleted for privacy (erasure, retention) and outside any transaction: makes the deleted bytes
/// leave the database files, as far as the provider allows.
/// </summary>
public sealed class ScrubDeletedBytesCommand(MidxDbContext db, ILogger<ScrubDeletedBytesCommand> logger)
{
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL keeps dead tuples in the table files (and in WAL) until VACUUM makes their space reusable and a
        // later write overwrites it; plain VACUUM does not wipe them and VACUUM FULL rewrites whole tables under an
        // exclusive lock, so neither belongs on a request. What an operator should do is in the README, "Erasure on disk".
        if (!db.Database.IsSqlite())
        {
            return;
        }

        // secure_delete (SqliteConnectionPragmas) zeroes the pages, but the zeroed pages are written to the WAL
        // while its older frames still hold the rows as they were; a TRUNCATE checkpoint copies the WAL into midx.db
        // and empties it (https://sqlite.org/pragma.html#pragma_wal_checkpoint).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0)
            {
                // Busy: another connection was reading or writing; the WAL is emptied by the next checkpoint instead.
                logger.LogWarning("The WAL checkpoint after a privacy deletion could not finish; deleted rows stay in midx.db-wal until the next one");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
