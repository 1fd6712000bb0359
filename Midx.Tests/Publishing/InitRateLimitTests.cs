using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.Tests.Publishing;

/// <summary>
/// A 429 at init means TikTok created nothing, so the job waits a minute and starts again instead of failing, and the
/// creator is told so; only a 429 that lasts fails it.
/// </summary>
public sealed class InitRateLimitTests
{
    // No in-client retries: each init call the sandbox refuses reaches the worker's own rule at once.
    private static readonly Dictionary<string, string?> NoClientRetries = new() { ["TikTok:RateLimitRetries"] = "0" };

    [Fact]
    public async Task Init_RefusedWith429_WaitsAMinuteSaysSoAndThenPostsOnce()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false, settings: NoClientRetries);
        var job = await app.SubmitAsync();
        await app.ArmFaultAsync(new { endpoint = "video_init", status = 429, errorCode = "rate_limit_exceeded" });

        var before = DateTime.UtcNow;
        await app.PassAsync("worker");

        var waiting = await app.JobAsync(job.Id);
        Assert.Equal(JobState.Queued, waiting.State);
        Assert.Null(waiting.InitStartedAt);
        Assert.Null(waiting.PublishId);
        Assert.InRange(waiting.NextPollAt!.Value, before.AddSeconds(55), DateTime.UtcNow.AddSeconds(61));
        var note = (await app.EventsAsync(job.Id))[^1];
        Assert.Equal(ErrorCatalog.RateLimitExceeded.Value, note.ErrorCode);
        Assert.Contains("TikTok created nothing, so Midx starts this one again in a minute.", note.Message, StringComparison.Ordinal);
        Assert.Empty(await app.ClaimAsync("too-early"));

        await MakeDueAsync(app, job.Id);
        await app.PassAsync("worker");

        var sent = await app.JobAsync(job.Id);
        Assert.Contains(sent.State, new[] { JobState.Processing, JobState.Published });
        Assert.NotNull(sent.PublishId);
        Assert.Equal(2, (await app.RequestsAsync("video_init")).Count);
        Assert.Single(await app.RequestsAsync("upload"));
    }

    [Fact]
    public async Task Init_RefusedWith429EveryMinute_FailsAfterTheLastTryWithAdviceToRetryLater()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false, settings: NoClientRetries);
        var job = await app.SubmitAsync();
        await app.ArmFaultAsync(new { endpoint = "video_init", status = 429, errorCode = "rate_limit_exceeded", count = 20 });

        for (var attempt = 0; attempt <= InitJobStep.MaxRateLimitedInits; attempt++)
        {
            await MakeDueAsync(app, job.Id);
            await app.PassAsync("worker");
        }

        var failed = await app.JobAsync(job.Id);
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal(ErrorCatalog.RateLimitExceeded.Value, failed.ErrorCode);
        Assert.EndsWith("Nothing was posted; retry later.", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(InitJobStep.MaxRateLimitedInits + 1, (await app.RequestsAsync("video_init")).Count);
    }

    /// <summary>The minute TikTok asked for has passed (the clock is real; the row is moved instead of waiting).</summary>
    private static async Task MakeDueAsync(WorkerTestApp app, Guid jobId)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextPollAt, DateTime.UtcNow.AddSeconds(-1)));
    }
}
