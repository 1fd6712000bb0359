using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
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
        var (job, path, sha256) = await InsertLargeVideoJobAsync(app);

        var stopped = await StopAfterTwoChunksAsync(app, job.Id);
        // The process died before saving its last confirmed chunk: the row is one chunk behind TikTok.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Midx.Core.Data.MidxDbContext>();
            var row = await db.PublishJobs.FindAsync(job.Id);
            row!.BytesUploaded = 10_000_000;
            await db.SaveChangesAsync();
        }

        // Second process.
        var done = await PassUntilDoneAsync(app, job.Id);
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
    public async Task Worker_WholeAppAndSandboxRestartedMidUpload_ResumesAtTheFirstByteTikTokLacksAndPublishesOnce()
    {
        await using var before = await WorkerTestApp.StartAsync("public", workerEnabled: false,
            settings: new Dictionary<string, string?> { ["Midx:SandboxTikTok:StatePath"] = "sandbox-tiktok.db" });
        var (job, path, sha256) = await InsertLargeVideoJobAsync(before);
        var stopped = await StopAfterTwoChunksAsync(before, job.Id);

        // A new process on the same database: the sandbox TikTok has only its state file to go on. Passes by hand, as
        // above: the app's own worker would start before Kestrel listens and find its in-process sandbox unreachable.
        await using var after = await before.RestartAsync();
        var done = await PassUntilDoneAsync(after, job.Id);

        Assert.Equal(JobState.Published, done.State);
        Assert.Equal(stopped.PublishId, done.PublishId);
        Assert.Empty(await after.RequestsAsync("video_init"));
        Assert.Equal(
            ["bytes 20000000-29999999/64000123", "bytes 30000000-39999999/64000123", "bytes 40000000-49999999/64000123", "bytes 50000000-64000122/64000123"],
            (await after.RequestsAsync("upload")).Select(r => r.GetProperty("headers").GetProperty("Content-Range").GetString()));
        var publishes = (await after.Client.GetFromJsonAsync<List<JsonElement>>($"{WorkerTestApp.SandboxTest}/publishes"))!;
        var publish = Assert.Single(publishes, p => p.GetProperty("creatorKey").GetString() == "public");
        Assert.Equal(done.PublishId, publish.GetProperty("publishId").GetString());
        Assert.Equal("PUBLISH_COMPLETE", publish.GetProperty("status").GetString());
        Assert.Equal(sha256, publish.GetProperty("sha256").GetString());
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

    /// <summary>A queued Direct Post job for a new large video, as a submission leaves it.</summary>
    private static async Task<(PublishJob Job, string Path, string Sha256)> InsertLargeVideoJobAsync(WorkerTestApp app)
    {
        var (path, sha256) = WriteLargeVideo(app);
        var job = await app.InsertJobAsync(j =>
        {
            j.MediaPath = path;
            j.FileSize = LargeVideoSize;
            j.FileName = "large.mp4";
        });
        return (job, path, sha256);
    }

    /// <summary>Runs the job in a worker that is shut down once TikTok has confirmed two chunks; returns the row it left.</summary>
    private static async Task<PublishJob> StopAfterTwoChunksAsync(WorkerTestApp app, Guid jobId)
    {
        using var stop = new CancellationTokenSource();
        using (app.App.Services.GetRequiredService<JobUpdateBus>().Subscribe((update, _) =>
        {
            if (update.JobId == jobId && update.BytesUploaded >= 20_000_000)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }))
        {
            Assert.Equal([jobId], await app.ClaimAsync("before-restart"));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.RunAsync(jobId, "before-restart", stop.Token));
        }

        var stopped = await app.JobAsync(jobId);
        Assert.Equal(JobState.Uploading, stopped.State);
        Assert.NotNull(stopped.PublishId);
        Assert.Equal(20_000_000, stopped.BytesUploaded);
        Assert.Null(stopped.LeaseOwner);
        return stopped;
    }

    /// <summary>Worker passes after the restart until the job ends (at most a minute); returns its last row.</summary>
    private static async Task<PublishJob> PassUntilDoneAsync(WorkerTestApp app, Guid jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!JobStateMachine.IsTerminal((await app.JobAsync(jobId)).State) && DateTime.UtcNow < deadline)
        {
            await app.PassAsync("after-restart");
            await Task.Delay(60);
        }

        return await app.JobAsync(jobId);
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
