using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

public sealed class OverviewQueriesTests : AdminDatabase
{
    [Fact]
    public async Task OverviewCounters_MixedData_CountsUsersAccountsRecentJobsByStateAndRecentFailures()
    {
        var ada = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        grace.IsDisabled = true;
        var account = Db.AddAccount(ada, "ada", Now);
        Db.AddAccount(grace, "grace", Now);
        Db.AddJob(account, Now.AddHours(-2), JobState.Published);
        Db.AddJob(account, Now.AddHours(-3), JobState.Failed, errorCode: "internal", updatedAt: Now.AddMinutes(-30));
        Db.AddJob(account, Now.AddHours(-5), JobState.Failed, errorCode: "internal", updatedAt: Now.AddHours(-4));
        Db.AddJob(account, Now.AddDays(-3), JobState.Failed, errorCode: "internal", updatedAt: Now.AddDays(-3));
        await Db.SaveChangesAsync();

        var counters = await new OverviewCountersQuery(NewContext(), Time).ExecuteAsync(CancellationToken.None);

        Assert.Equal((2, 1, 1, 2), (counters.Users, counters.Admins, counters.DisabledUsers, counters.LinkedAccounts));
        Assert.Equal(3, counters.JobsLastDay);
        Assert.Equal(2, counters.JobsByStateLastDay.Single(s => s.State == JobState.Failed).Count);
        Assert.Equal(1, counters.JobsByStateLastDay.Single(s => s.State == JobState.Published).Count);
        Assert.Equal((1, 2), (counters.FailuresLastHour, counters.FailuresLastDay));
    }

    [Fact]
    public async Task WorkerHealth_HeartbeatsAndDueJobs_ReportsStateQueueDepthAndOldestLag()
    {
        AddBeat("PublishWorker", Now.AddSeconds(-10), TimeSpan.FromSeconds(33));
        AddBeat("TokenRefresher", Now.AddMinutes(-15), TimeSpan.FromSeconds(30));
        var account = Db.AddAccount(Db.AddUser("ada@example.test", Now), "ada", Now);
        Db.AddJob(account, Now.AddMinutes(-4), JobState.Queued);
        Db.AddJob(account, Now.AddHours(-1), JobState.Scheduled, scheduledAt: Now.AddMinutes(-7));
        Db.AddJob(account, Now.AddHours(-1), JobState.Scheduled, scheduledAt: Now.AddHours(3));
        Db.AddJob(account, Now.AddHours(-9), JobState.Published);
        await Db.SaveChangesAsync();

        var health = await QueryWorkerHealth();

        Assert.Equal(
            [("PublishWorker", WorkerState.Healthy), ("TokenRefresher", WorkerState.Down)],
            health.Workers.Select(w => (w.Worker, w.State)));
        Assert.Equal(2, health.QueueDepth);
        Assert.Equal(1, health.ScheduledLater);
        Assert.Equal(TimeSpan.FromMinutes(7), health.OldestDueLag);
    }

    [Fact]
    public async Task WorkerHealth_HourlyWorkerTenMinutesAfterItsBeat_IsHealthyAndShowsItsNextRun()
    {
        AddBeat("MediaSweepWorker", Now.AddMinutes(-10), TimeSpan.FromHours(1));
        await Db.SaveChangesAsync();

        var sweep = (await QueryWorkerHealth()).Workers.Single();

        Assert.Equal(WorkerState.Healthy, sweep.State);
        Assert.Equal(TimeSpan.FromHours(1), sweep.Interval);
        Assert.Equal(Now.AddMinutes(50), sweep.NextBeatDueAt);
    }

    [Theory]
    [InlineData(59, WorkerState.Healthy)]
    [InlineData(62, WorkerState.Late)]
    [InlineData(170, WorkerState.Late)]
    [InlineData(190, WorkerState.Down)]
    public async Task WorkerHealth_HourlyWorkerMinutesAfterItsBeat_IsJudgedByItsOwnNextRun(int minutesSilent, WorkerState expected)
    {
        AddBeat("MediaSweepWorker", Now.AddMinutes(-minutesSilent), TimeSpan.FromHours(1));
        await Db.SaveChangesAsync();

        var sweep = (await QueryWorkerHealth()).Workers.Single();

        Assert.Equal(expected, sweep.State);
    }

    [Fact]
    public async Task WorkerHealth_DailyWorkerTwoHoursAfterItsRun_IsHealthy()
    {
        AddBeat("RetentionWorker", Now.AddHours(-2), TimeSpan.FromDays(1));
        await Db.SaveChangesAsync();

        Assert.Equal(WorkerState.Healthy, (await QueryWorkerHealth()).Workers.Single().State);
    }

    [Theory]
    [InlineData(20, WorkerState.Healthy)]
    [InlineData(120, WorkerState.Late)]
    [InlineData(360, WorkerState.Down)]
    public async Task WorkerHealth_PublishWorkerSecondsAfterItsBeat_GoesLateThenDownAfterItsShortInterval(int secondsSilent, WorkerState expected)
    {
        AddBeat("PublishWorker", Now.AddSeconds(-secondsSilent), TimeSpan.FromSeconds(33));
        await Db.SaveChangesAsync();

        Assert.Equal(expected, (await QueryWorkerHealth()).Workers.Single().State);
    }

    [Fact]
    public async Task WorkerHealth_JobsTheWorkerWouldNotClaim_AreNotCountedAsDue()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var account = Db.AddAccount(ada, "ada", Now);
        var disconnected = Db.AddAccount(Db.AddUser("grace@example.test", Now), "grace", Now);
        disconnected.TokenState = TokenState.NeedsReconnect;
        var due = Db.AddJob(account, Now.AddMinutes(-3), JobState.Queued);
        Db.AddJob(account, Now.AddMinutes(-9), JobState.Queued).LeaseExpiresAt = Now.AddMinutes(1);
        Db.AddJob(account, Now.AddMinutes(-8), JobState.Queued).NextPollAt = Now.AddMinutes(2);
        Db.AddJob(disconnected, Now.AddMinutes(-7), JobState.Queued);
        Db.AddJob(account, Now.AddMinutes(-6), JobState.Processing).NextPollAt = Now.AddMinutes(-2);
        await Db.SaveChangesAsync();

        var health = await QueryWorkerHealth();
        await using var claims = NewContext();
        var claimed = await new ClaimDueJobsCommand(claims, Options.Create(new PublishingOptions()), Time).ExecuteAsync("test-worker", 10, CancellationToken.None);

        Assert.Equal(2, health.QueueDepth);
        Assert.Equal(claimed.Count, health.QueueDepth);
        Assert.Contains(due.Id, claimed);
        Assert.Equal(TimeSpan.FromMinutes(3), health.OldestDueLag);
    }

    [Fact]
    public async Task QueueDepth_AJobInEveryState_CountsAsOpenExactlyTheStatesWhoseWorkIsNotOver()
    {
        var account = Db.AddAccount(Db.AddUser("ada@example.test", Now), "ada", Now);
        foreach (var state in Enum.GetValues<JobState>())
        {
            Db.AddJob(account, Now.AddMinutes(-1), state);
        }

        await Db.SaveChangesAsync();

        var depth = await new PublishQueueDepthQuery(NewContext(), Time).ExecuteAsync(CancellationToken.None);

        Assert.Equal(Enum.GetValues<JobState>().Count(s => !JobStateMachine.IsTerminal(s)), depth.Open);
    }

    private void AddBeat(string worker, DateTime at, TimeSpan interval) =>
        Db.WorkerHeartbeats.Add(new WorkerHeartbeat { Id = worker + "@a", Worker = worker, Instance = "a", LastBeatAt = at, Interval = interval });

    private Task<WorkerHealth> QueryWorkerHealth() => new WorkerHealthQuery(NewContext(), Time).ExecuteAsync(CancellationToken.None);

    [Fact]
    public async Task TokenHealth_AccountsInTrouble_CountsAndListsThemWithTheirOwners()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var dead = Db.AddAccount(ada, "dead", Now);
        dead.TokenState = TokenState.NeedsReconnect;
        dead.TokenProblem = "Refresh token expired";
        var flaky = Db.AddAccount(ada, "flaky", Now);
        flaky.RefreshFailures = 2;
        var expired = Db.AddAccount(ada, "expired", Now);
        expired.AccessTokenExpiresAt = Now.AddMinutes(-1);
        Db.AddAccount(ada, "fine", Now).AccessTokenExpiresAt = Now.AddHours(12);
        await Db.SaveChangesAsync();

        var health = await new TokenHealthQuery(NewContext(), Time).ExecuteAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1), (health.NeedsReconnect, health.RefreshFailing, health.AccessExpired));
        Assert.Equal(["dead", "flaky"], health.Accounts.Select(a => a.Username));
        Assert.All(health.Accounts, a => Assert.Equal("ada@example.test", a.UserEmail));
    }

    [Fact]
    public async Task DailyUploads_ThirtyDays_CountsUploadsAndFailuresPerUtcDayOldestFirst()
    {
        var account = Db.AddAccount(Db.AddUser("ada@example.test", Now), "ada", Now);
        var today = Now.Date;
        Db.AddJob(account, today.AddHours(1));
        Db.AddJob(account, today.AddSeconds(-1), JobState.Failed);
        Db.AddJob(account, today.AddDays(-1));
        Db.AddJob(account, today.AddDays(-29), JobState.Failed);
        Db.AddJob(account, today.AddDays(-30));
        await Db.SaveChangesAsync();

        var days = await new DailyUploadsQuery(NewContext(), Time).ExecuteAsync(30, CancellationToken.None);

        Assert.Equal(30, days.Count);
        Assert.Equal(DateOnly.FromDateTime(today.AddDays(-29)), days[0].Day);
        Assert.Equal(new DailyUploads(DateOnly.FromDateTime(today), 1, 0), days[^1]);
        Assert.Equal(new DailyUploads(DateOnly.FromDateTime(today.AddDays(-1)), 2, 1), days[^2]);
        Assert.Equal(1, days[0].Failures);
        Assert.Equal(4, days.Sum(d => d.Uploads));
    }

    [Fact]
    public async Task FailureGroups_LastWeek_GroupsByCodeWithDayAndWeekCountsExplanationsAndNewestExamplesInOneQuery()
    {
        var account = Db.AddAccount(Db.AddUser("ada@example.test", Now), "ada", Now);
        var newest = Db.AddJob(account, Now.AddHours(-2), JobState.Failed, errorCode: "spam_risk_text", updatedAt: Now.AddHours(-1));
        Db.AddJob(account, Now.AddDays(-3), JobState.Failed, errorCode: "spam_risk_text", updatedAt: Now.AddDays(-3));
        Db.AddJob(account, Now.AddDays(-2), JobState.Failed, errorCode: "upload_expired", updatedAt: Now.AddDays(-2));
        Db.AddJob(account, Now.AddDays(-1), JobState.Failed, updatedAt: Now.AddHours(-3));
        Db.AddJob(account, Now.AddDays(-9), JobState.Failed, errorCode: "internal", updatedAt: Now.AddDays(-8));
        Db.AddJob(account, Now.AddHours(-1), JobState.Published, errorCode: null);
        // Not failed: neither counted nor an example, although newer than every failure with its code.
        Db.AddJob(account, Now.AddMinutes(-30), JobState.Cancelled, errorCode: "spam_risk_text", updatedAt: Now.AddMinutes(-10));
        await Db.SaveChangesAsync();

        var commands = new CommandCounter();
        var groups = await new FailureGroupsQuery(NewContext(commands), Time).ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, commands.Count);
        Assert.Equal(
            [("spam_risk_text", 1, 2), (ErrorCatalog.NoCode.Value, 1, 1), ("upload_expired", 0, 1)],
            groups.Select(g => (g.Code, g.LastDay, g.LastWeek)));
        var spam = groups[0];
        Assert.Equal(newest.Id, spam.Examples[0].JobId);
        Assert.Equal(2, spam.Examples.Count);
        Assert.Equal(ErrorSource.TikTok, spam.Explanation.Source);
        Assert.Contains("caption", spam.Explanation.ToDo);
        Assert.Equal(ErrorSource.Midx, groups[2].Explanation.Source);
    }
}
