using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Privacy;
using Midx.App.Publishing;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

public sealed class ScheduledWorkerTests : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task RunOnce_RetentionAndMediaSweep_EachWorkAndReportAHeartbeat()
    {
        _ = _app.ServerAddress;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
            db.AuditEvents.Add(new AuditEvent { At = DateTime.UtcNow.AddDays(-200), Action = "ancient" });
            await db.SaveChangesAsync();
        }

        var oldFile = Path.Combine(_app.DataFolder, "media", Guid.NewGuid().ToString("N"), "left-behind.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(oldFile)!);
        await File.WriteAllTextAsync(oldFile, "video");
        File.SetLastWriteTimeUtc(oldFile, DateTime.UtcNow.AddDays(-10));
        var crashLeftover = Path.Combine(Path.GetDirectoryName(oldFile)!, Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllTextAsync(crashLeftover, "half a video");
        File.SetLastWriteTimeUtc(crashLeftover, DateTime.UtcNow.AddMinutes(-30));

        await _app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);
        await _app.Services.GetRequiredService<MediaSweepWorker>().RunOnceAsync(CancellationToken.None);

        await using var check = _app.Services.CreateAsyncScope();
        var heartbeats = await check.ServiceProvider.GetRequiredService<MidxDbContext>().WorkerHeartbeats.AsNoTracking().ToListAsync();
        Assert.Contains(heartbeats, h => h.Worker == RetentionWorker.WorkerName && h.Detail == "Last purge removed 1 rows");
        Assert.Contains(heartbeats, h => h.Worker == MediaSweepWorker.WorkerName && h.Detail == "Last sweep deleted 2 files");
        Assert.False(File.Exists(oldFile));
        Assert.False(File.Exists(crashLeftover));
        Assert.Empty(await check.ServiceProvider.GetRequiredService<MidxDbContext>().AuditEvents.Where(e => e.Action == "ancient").ToListAsync());
    }

    [Fact]
    public async Task RunOnce_RetentionAndMediaSweep_AreHealthyFiveMinutesLater()
    {
        await _app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);
        await _app.Services.GetRequiredService<MediaSweepWorker>().RunOnceAsync(CancellationToken.None);

        await using var scope = _app.Services.CreateAsyncScope();
        var fiveMinutesLater = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(5));
        var health = await new WorkerHealthQuery(scope.ServiceProvider.GetRequiredService<MidxDbContext>(), fiveMinutesLater).ExecuteAsync(CancellationToken.None);

        Assert.Equal(
            [(MediaSweepWorker.WorkerName, WorkerState.Healthy), (RetentionWorker.WorkerName, WorkerState.Healthy)],
            health.Workers.Where(w => w.Worker is MediaSweepWorker.WorkerName or RetentionWorker.WorkerName).Select(w => (w.Worker, w.State)));
    }

    public void Dispose() => _app.Dispose();
}
