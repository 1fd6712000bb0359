using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Records that a background worker on this instance is alive, for /readyz and the admin console's worker health.
/// One row per worker and instance, overwritten on every beat.
/// </summary>
public sealed class WorkerHeartbeatRecorder(MidxDbContext db, TimeProvider time)
{
    public static string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <param name="interval">How long until this worker's next beat at the latest; its health is judged by it.</param>
    public async Task BeatAsync(string worker, TimeSpan interval, string? detail, CancellationToken cancellationToken)
    {
        var id = $"{worker}@{Instance}";
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.WorkerHeartbeats.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (row is null)
        {
            db.WorkerHeartbeats.Add(new WorkerHeartbeat { Id = id, Worker = worker, Instance = Instance, LastBeatAt = now, Interval = interval, Detail = detail });
        }
        else
        {
            row.LastBeatAt = now;
            row.Interval = interval;
            row.Detail = detail;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
