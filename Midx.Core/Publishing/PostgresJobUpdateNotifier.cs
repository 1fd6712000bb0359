using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Npgsql;

namespace Midx.Core.Publishing;

/// <summary>
/// Sends a job update to every instance sharing the PostgreSQL database: <c>pg_notify</c> on
/// <see cref="JobUpdateNotification.Channel"/>, on a pooled connection, outside any transaction (the change it reports
/// is already saved). Each instance's <c>PostgresJobUpdateListener</c> hands it to its own subscribers; the sender's
/// listener skips it by <see cref="Origin"/>, since <see cref="JobUpdateBus"/> already delivered it here.
/// </summary>
public sealed class PostgresJobUpdateNotifier(IOptions<DatabaseOptions> options)
{
    /// <summary>This instance's id in every payload it sends; new with every process (and every app in a test).</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    public async Task NotifyAsync(JobUpdate update, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = JobUpdateNotification.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = JobUpdateNotification.Encode(Origin, update) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
