using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

/// <summary>
/// Several workers and restarts, with the app's own worker switched off so each test drives worker passes by hand,
/// exactly as <c>PublishWorker</c> does (claim with a lease, then run each claimed job in its own scope).
/// </summary>
public sealed class PublishWorkerRestartTests
{
    // Over 64,000,000 bytes, so ChunkPlan sends it in 6 chunks of 10,000,000 (the last one 14,000,123).
    private const long LargeVideoSize = 64_000_123;

    [Fact]
    public async Task Claim_TwoWorkersRaceForOneJob_OnlyOneGetsIt()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false);
        var job = await app.SubmitAsync();

        var claims = await Task.WhenAll(app.ClaimAsync("worker-a"), app.ClaimAsync("worker-b"));

        Assert.Single(claims.SelectMany(c => c), id => id == job.Id);
    }

    [Fact]
    public async Task Worker_TwoWorkersRunningPassesTogether_InitOnceAndPublishOnce()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false);
        var submitted = await app.SubmitAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await app.JobAsync(submitted.Id)).State != JobState.Published && DateTime.UtcNow < deadline)
        {
            await Task.WhenAll(app.PassAsync("worker-a"), app.PassAsync("worker-b"));
            await Task.Delay(60);
        }

        Assert.Equal(JobState.Published, (await app.JobAsync(submitted.Id)).State);
        Assert.Single(await app.RequestsAsync("video_init"));
        Assert.Single(await app.RequestsAsync("upload"));
    }

    [Fact]
    public async Task Worker_RestartedMidUpload_ResumesFromTheBytesTikTokConfirmsWithoutASecondInit()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false);
        var (path, sha256) = WriteLargeVideo(app);
        var job = await app.InsertJobAsync(j =>
        {
            j.MediaPath = path;
            j.FileSize = LargeVideoSize;
            j.FileName = "large.mp4";
        });

        // First process: stops (shutdown) once two chunks are confirmed.
        using var stop = new CancellationTokenSource();
        using (app.App.Services.GetRequiredService<JobUpdateBus>().Subscribe((update, _) =>
        {
            if (update.JobId == job.Id && update.BytesUploaded >= 20_000_000)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }))
        {
            Assert.Equal([job.Id], await app.ClaimAsync("before-restart"));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.RunAsync(job.Id, "before-restart", stop.Token));
        }

        var stopped = await app.JobAsync(job.Id);
        Assert.Equal(JobState.Uploading, stopped.State);
        Assert.NotNull(stopped.PublishId);
        Assert.Equal(20_000_000, stopped.BytesUploaded);
        Assert.Null(stopped.LeaseOwner);
        // The process died before saving its last confirmed chunk: the row is one chunk behind TikTok.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Midx.Core.Data.MidxDbContext>();
            var row = await db.PublishJobs.FindAsync(job.Id);
            row!.BytesUploaded = 10_000_000;
            await db.SaveChangesAsync();
        }

        // Second process.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!JobStateMachine.IsTerminal((await app.JobAsync(job.Id)).State) && DateTime.UtcNow < deadline)
        {
            await app.PassAsync("after-restart");
            await Task.Delay(60);
        }

        var done = await app.JobAsync(job.Id);
        Assert.Equal(JobState.Published, done.State);
        Assert.Equal(stopped.PublishId, done.PublishId);
        Assert.Single(await app.RequestsAsync("video_init"));
        // Chunks 0 and 1, chunk 1 again (416: TikTok has it), then chunks 2 to 5.
        Assert.Equal(7, (await app.RequestsAsync("upload")).Count);
        Assert.Equal(sha256, (await app.SandboxPublishAsync(done.PublishId!)).GetProperty("sha256").GetString());
        Assert.Contains(await app.EventsAsync(job.Id),
            e => e.Message == "Resuming the upload where it stopped: 15% of the video was already with TikTok.");
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Worker_FoundInitializingWithoutPublishId_FailsHonestlyAndNeverCallsInitAgain()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false);
        var (path, _) = WriteLargeVideo(app);
        var job = await app.InsertJobAsync(j =>
        {
            j.State = JobState.Initializing;
            j.InitStartedAt = DateTime.UtcNow.AddMinutes(-2);
            j.MediaPath = path;
            j.FileSize = LargeVideoSize;
        });

        await app.PassAsync("after-restart");

        var failed = await app.JobAsync(job.Id);
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal(ErrorCatalog.InitOutcomeUnknown.Value, failed.ErrorCode);
        Assert.EndsWith("Midx can't tell whether TikTok received the request. Check your TikTok profile or inbox before retrying.", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(await app.RequestsAsync("video_init"));
    }

    private static (string Path, string Sha256) WriteLargeVideo(WorkerTestApp app)
    {
        var media = app.App.Services.GetRequiredService<MediaStore>();
        var folder = Path.Combine(media.Root, app.UserId.ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".mp4");
        var bytes = new byte[LargeVideoSize];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return (path, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
