using Microsoft.Extensions.Options;
using Midx.Core;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Npgsql;

namespace Midx.App.Publishing;

/// <summary>
/// On PostgreSQL, brings the job updates other instances publish to this instance's <see cref="JobUpdateBus"/> (and so
/// to its SignalR hub): <c>LISTEN</c> on <see cref="JobUpdateNotification.Channel"/> on a dedicated, unpooled
/// connection, waiting for notifications until shutdown. Updates this instance sent are skipped (the bus delivered
/// them when they were published), so each reaches each instance's subscribers exactly once.
/// When the connection drops, the loop logs it and reconnects after 0.5 s, doubling up to 30 s while it keeps failing.
/// NOTIFY keeps no history: what other instances publish while this one is not listening is lost to it. That is
/// accepted: every <see cref="JobUpdate"/> carries its job's whole current state, so the job's next update puts the
/// page right; browsers refetch every unfinished job after a SignalR reconnect or a reload; and the gap is visible
/// in /readyz (<see cref="JobUpdateListenerReadyCheck"/>). A replay from the database after a reconnect was left out:
/// it would repeat lines in the admins' live feed for updates that did arrive.
/// </summary>
public sealed class PostgresJobUpdateListener(
    JobUpdateBus bus,
    PostgresJobUpdateNotifier notifier,
    IOptions<DatabaseOptions> options,
    TimeProvider time,
    ILogger<PostgresJobUpdateListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private Status _status = new(null, time.GetUtcNow(), EverListened: false);
    private int _failures;

    /// <summary>The server process of the listening connection (pg_stat_activity's pid); null while not listening.</summary>
    public int? BackendProcessId => Volatile.Read(ref _status).BackendProcessId;

    /// <summary>Since when this instance has not been listening (since start-up, before the first connection); null while listening.</summary>
    public DateTimeOffset? NotListeningSince => Volatile.Read(ref _status) is { BackendProcessId: null } s ? s.Since : null;

    /// <summary>False until the first LISTEN succeeded.</summary>
    public bool EverListened => Volatile.Read(ref _status).EverListened;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var status = Volatile.Read(ref _status);
                Volatile.Write(ref _status, status with { BackendProcessId = null, Since = status.BackendProcessId is null ? status.Since : time.GetUtcNow() });
                _failures++;
                var delay = RetryDelay.Doubling(FirstRetryDelay, _failures, MaxRetryDelay);
                logger.LogWarning(e, "Not listening for job updates from other instances ({Failures} failed in a row); reconnecting in {Delay}", _failures, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Volatile.Write(ref _status, Volatile.Read(ref _status) with { BackendProcessId = null, Since = time.GetUtcNow() });
        logger.LogInformation("Stopped listening for job updates from other instances");
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(ListenerConnectionString());
        await connection.OpenAsync(stoppingToken);
        var received = new Queue<string>();
        // Raised while WaitAsync (or the LISTEN below) reads from the connection, on this same flow.
        connection.Notification += (_, e) => received.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {JobUpdateNotification.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        Volatile.Write(ref _status, new Status(connection.ProcessID, time.GetUtcNow(), EverListened: true));
        _failures = 0;
        logger.LogInformation("Listening for job updates from other instances on channel {Channel} (server process {BackendProcessId})",
            JobUpdateNotification.Channel, connection.ProcessID);
        while (true)
        {
            while (received.TryDequeue(out var payload))
            {
                await DeliverAsync(payload, stoppingToken);
            }

            await connection.WaitAsync(stoppingToken);
        }
    }

    private async Task DeliverAsync(string payload, CancellationToken stoppingToken)
    {
        if (!JobUpdateNotification.TryDecode(payload, out var origin, out var update))
        {
            logger.LogWarning("Ignored a notification on channel {Channel} that is not a job update", JobUpdateNotification.Channel);
            return;
        }

        if (origin != notifier.Origin)
        {
            await bus.DeliverLocallyAsync(update, stoppingToken);
        }
    }

    /// <summary>
    /// Unpooled, so the LISTEN never goes back to a pool; with keepalives, so a connection that died silently (a network
    /// cut, no FIN) fails WaitAsync and is replaced instead of waiting forever.
    /// </summary>
    private string ListenerConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 30;
        }

        return builder.ConnectionString;
    }

    private sealed record Status(int? BackendProcessId, DateTimeOffset Since, bool EverListened);
}
