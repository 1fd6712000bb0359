using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.App.Publishing;
using Midx.Core.Admin;
using Midx.Core.Publishing;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>The console's overview on the circuit: counters, the 30-day chart with its table, worker health, and the live feed.</summary>
public sealed class OverviewPageTests : LivePageTestContext
{
    public OverviewPageTests() => Context.Services.AddMidxAdmin();

    [Fact]
    public async Task Render_SeededDay_CountsUploadsChartsThirtyDaysAndJudgesEachWorkerByItsSchedule()
    {
        var admin = await AddUserAsync("admin@midx.test", "Ada", isAdmin: true);
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var account = await AddAccountAsync(avery.Id, "harbour");
        await AddJobAsync(avery.Id, account.Id, JobState.Published);
        await AddJobAsync(avery.Id, account.Id, JobState.Failed, j => (j.ErrorCode, j.UpdatedAt) = ("spam_risk_text", UtcNow.AddMinutes(-5)));
        await SignInLiveAsync(admin);
        await using (var scope = Context.Services.CreateAsyncScope())
        {
            // Both reported 40 minutes ago: the hourly sweep is healthy, because it said it would report again within the
            // hour; the publish worker, which promised a beat every 30 seconds, is down.
            var clock = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await scope.ServiceProvider.GetRequiredService<WorkerHeartbeatRecorder>().BeatAsync("MediaSweepWorker", TimeSpan.FromHours(1), null, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<WorkerHeartbeatRecorder>().BeatAsync("PublishWorker", TimeSpan.FromSeconds(30), null, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(40));
        }

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal("2", Text(page.Find("[data-counter=jobs-day]"))));
        Assert.Equal("1", Text(page.Find("[data-counter=failures-hour]")));
        Assert.NotNull(page.Find("[data-admin-chart] svg"));
        Assert.Equal(AdminWindow.ChartDays, page.FindAll("[data-admin-chart-table] tbody tr").Count);
        Assert.Equal("Healthy", Text(page.Find("[data-worker=MediaSweepWorker] [data-worker-state]")));
        Assert.Equal("Down", Text(page.Find("[data-worker=PublishWorker] [data-worker-state]")));
        Assert.StartsWith("Reports every 1 h 0 min · next by ", Text(page.Find("[data-worker=MediaSweepWorker] [data-worker-schedule]")));
    }

    [Fact]
    public async Task PushedUpdate_WhileTheOverviewIsOpen_GoesOnTopOfTheFeedWithoutReload()
    {
        var admin = await AddUserAsync("admin@midx.test", "Ada", isAdmin: true);
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var account = await AddAccountAsync(avery.Id, "harbour");
        await SignInLiveAsync(admin);
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));
        Assert.NotNull(page.Find("[data-admin-feed-empty]"));

        var job = await AddJobAsync(avery.Id, account.Id, JobState.Uploading);
        await Bus.PublishAsync(new JobUpdate(job.Id, avery.Id, JobState.Uploading, JobStateMachine.Label(JobState.Uploading), false, null, 40, 100,
            "Sending the video to TikTok (40%).", null, null, null, UtcNow), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal(job.Id.ToString(), page.Find("[data-admin-feed] li").GetAttribute("data-job-id")));
        Assert.Contains("Sending the video to TikTok (40%).", Text(page.Find("[data-admin-feed] li")));
        Assert.Empty(page.FindAll("[data-admin-feed-empty]"));
    }
}
