using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

/// <summary>
/// Short leases kept alive while a job runs: a live worker keeps its job through one long TikTok call, a dead one
/// loses it as soon as the lease runs out, and a worker that lost its lease stops.
/// </summary>
public sealed class JobLeaseKeeperTests
{
    private static readonly Dictionary<string, string?> ShortLease = new() { ["Midx:Publishing:LeaseDuration"] = "00:00:03" };

    [Fact]
    public void LeaseDuration_ByDefault_LetsAJobOfADeadWorkerBePickedUpWithinAMinute()
    {
        var options = new PublishingOptions();

        Assert.True(options.LeaseDuration + options.WorkerPollInterval < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Run_OneChunkTakesLongerThanTheLease_NoOtherWorkerCanClaimTheJobMeanwhile()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false, settings: ShortLease);
        var job = await app.SubmitAsync();
        await app.ArmFaultAsync(new { endpoint = "upload", mode = "Delay", delayMs = 6000 });
        Assert.Equal([job.Id], await app.ClaimAsync("worker-a"));

        var run = app.RunAsync(job.Id, "worker-a", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        var claimedMeanwhile = await app.ClaimAsync("worker-b");
        await run;

        Assert.Empty(claimedMeanwhile);
        Assert.Single(await app.RequestsAsync("upload"));
        Assert.Contains((await app.JobAsync(job.Id)).State, new[] { JobState.Processing, JobState.Published });
    }

    [Fact]
    public async Task Hold_AnotherWorkerTookTheJob_CancelsTheWorkAndSaysTheLeaseIsLost()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false, settings: ShortLease);
        var job = await app.InsertJobAsync(_ => { });
        Assert.Equal([job.Id], await app.ClaimAsync("worker-a"));
        var claimed = (await app.JobAsync(job.Id)).LeaseExpiresAt;

        await using var held = app.App.Services.GetRequiredService<JobLeaseKeeper>().Hold(job.Id, "worker-a", CancellationToken.None);
        await WaitUntilAsync(async () => (await app.JobAsync(job.Id)).LeaseExpiresAt > claimed);
        Assert.False(held.Token.IsCancellationRequested);

        await SetLeaseOwnerAsync(app, job.Id, "worker-b");
        await WaitUntilAsync(() => Task.FromResult(held.Token.IsCancellationRequested));

        Assert.True(held.Lost);
        Assert.Equal("worker-b", (await app.JobAsync(job.Id)).LeaseOwner);
    }

    [Fact]
    public async Task Claim_WorkerDiedHoldingTheJob_AnotherWorkerTakesItOnceTheShortLeaseRunsOut()
    {
        await using var app = await WorkerTestApp.StartAsync("public", workerEnabled: false, settings: ShortLease);
        var job = await app.InsertJobAsync(_ => { });
        Assert.Equal([job.Id], await app.ClaimAsync("died-with-kill-9"));

        Assert.Empty(await app.ClaimAsync("after-restart"));
        Assert.False(JobLease.WorkerStopped(await app.JobAsync(job.Id), DateTime.UtcNow));
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.True(JobLease.WorkerStopped(await app.JobAsync(job.Id), DateTime.UtcNow));
        Assert.Equal([job.Id], await app.ClaimAsync("after-restart"));
    }

    private static async Task SetLeaseOwnerAsync(WorkerTestApp app, Guid jobId, string owner)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 10 seconds.");
            await Task.Delay(100);
        }
    }
}
