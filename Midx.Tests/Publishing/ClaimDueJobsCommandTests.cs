using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class ClaimDueJobsCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly PublishingOptions _options = new() { LeaseDuration = TimeSpan.FromMinutes(5) };
    private PublishingDatabase _database = default!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await PublishingDatabase.CreateAsync(Now);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Execute_TwoWorkersAtOnce_EachDueJobGoesToExactlyOne()
    {
        var jobs = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add((await _database.AddJobAsync(JobState.Queued, Now)).Id);
        }

        var claims = await Task.WhenAll(ClaimAsync("a", 6), ClaimAsync("b", 6));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(jobs.Order(), all.Order());
        await using var db = _database.NewContext();
        var owners = await db.PublishJobs.Select(j => new { j.Id, j.LeaseOwner, j.LeaseExpiresAt }).ToListAsync();
        Assert.All(owners, o => Assert.Equal(claims[0].Contains(o.Id) ? "a" : "b", o.LeaseOwner));
        Assert.All(owners, o => Assert.Equal(Now + _options.LeaseDuration, o.LeaseExpiresAt));
    }

    [Fact]
    public async Task Execute_LiveLease_IsNotTakenUntilItExpires()
    {
        var job = await _database.AddJobAsync(JobState.Uploading, Now);
        Assert.Equal([job.Id], await ClaimAsync("a", 1));

        Assert.Empty(await ClaimAsync("b", 1));
        _time.Advance(_options.LeaseDuration + TimeSpan.FromSeconds(1));

        Assert.Equal([job.Id], await ClaimAsync("b", 1));
    }

    [Fact]
    public async Task Execute_PostWhoseComposerLeftMidx_StillGoesAndAPostInReviewNever()
    {
        var left = await _database.AddJobAsync(JobState.Queued, Now, j => j.UserId = null);
        await _database.AddJobAsync(JobState.AwaitingReview, Now);
        await _database.AddJobAsync(JobState.ChangesRequested, Now);

        Assert.Equal([left.Id], await ClaimAsync("a", 5));
    }

    [Fact]
    public async Task Execute_ScheduledJob_IsDueOnlyAtItsTime()
    {
        var job = await _database.AddJobAsync(JobState.Scheduled, Now, j => j.ScheduledAt = Now.AddMinutes(10));

        Assert.Empty(await ClaimAsync("a", 1));
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([job.Id], await ClaimAsync("a", 1));
    }

    [Fact]
    public async Task Execute_NextPollInTheFuture_WaitsForIt()
    {
        var job = await _database.AddJobAsync(JobState.Processing, Now, j => j.NextPollAt = Now.AddSeconds(15));

        Assert.Empty(await ClaimAsync("a", 1));
        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal([job.Id], await ClaimAsync("a", 1));
    }

    [Theory]
    [InlineData(JobState.Published)]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    public async Task Execute_FinishedJob_IsNeverClaimed(JobState state)
    {
        await _database.AddJobAsync(state, Now);

        Assert.Empty(await ClaimAsync("a", 5));
    }

    [Fact]
    public async Task Execute_InboxDraftNoLongerWatched_IsNotClaimed()
    {
        await _database.AddJobAsync(JobState.SentToInbox, Now, j => j.NextPollAt = null);

        Assert.Empty(await ClaimAsync("a", 5));
    }

    [Theory]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Processing)]
    [InlineData(JobState.SentToInbox)]
    [InlineData(JobState.Published)]
    public async Task Execute_AccountDisconnected_IsNeverClaimedNorHeld(JobState state)
    {
        // Due by every other measure: its time has come and (for the watched ones) a status check is planned.
        var job = await _database.AddJobAsync(state, Now, j => j.NextPollAt = state is JobState.SentToInbox or JobState.Published ? Now : null);
        await using (var db = _database.NewContext())
        {
            await db.TikTokAccounts.Where(a => a.Id == _database.Account.Id).ExecuteDeleteAsync();
        }

        Assert.Empty(await ClaimAsync("a", 5));
        Assert.Equal(0, await HoldAsync());
        await using var check = _database.NewContext();
        var kept = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Null(kept.TikTokAccountId);
        Assert.Equal(state, kept.State);
        Assert.Null(kept.ErrorCode);
    }

    [Fact]
    public async Task Execute_AccountNeedsReconnectOrUserDisabled_IsHeldWithOneNote()
    {
        var reconnect = await _database.AddJobAsync(JobState.Queued, Now);
        var otherUser = await _database.AddUserAsync("disabled@midx.test", Now);
        var otherAccount = await _database.AddAccountAsync(otherUser.Id, Now);
        var disabled = await _database.AddJobAsync(JobState.Queued, Now, j => { j.UserId = otherUser.Id; j.TikTokAccountId = otherAccount.Id; });
        await using (var db = _database.NewContext())
        {
            await db.TikTokAccounts.Where(a => a.Id == _database.Account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.TokenState, TokenState.NeedsReconnect));
            await db.Users.Where(u => u.Id == otherUser.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        Assert.Empty(await ClaimAsync("a", 5));
        Assert.Equal(2, await HoldAsync());
        Assert.Equal(0, await HoldAsync());

        await using var check = _database.NewContext();
        var held = await check.PublishJobs.ToDictionaryAsync(j => j.Id);
        Assert.Equal(ErrorCatalog.HeldAccountNeedsReconnect.Value, held[reconnect.Id].ErrorCode);
        Assert.Contains("Reconnect the account", held[reconnect.Id].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ErrorCatalog.HeldUserDisabled.Value, held[disabled.Id].ErrorCode);
        Assert.All(held.Values, j => Assert.Equal(JobState.Queued, j.State));
        Assert.Equal(2, await check.PublishEvents.CountAsync(e => e.ErrorCode == ErrorCatalog.HeldAccountNeedsReconnect.Value || e.ErrorCode == ErrorCatalog.HeldUserDisabled.Value));
    }

    private async Task<IReadOnlyList<Guid>> ClaimAsync(string owner, int max)
    {
        await using var db = _database.NewContext();
        return await new ClaimDueJobsCommand(db, Options.Create(_options), _time).ExecuteAsync(owner, max, CancellationToken.None);
    }

    private async Task<int> HoldAsync()
    {
        await using var db = _database.NewContext();
        var apply = new ApplyJobChangeCommand(db, new JobUpdateBus(Microsoft.Extensions.Logging.Abstractions.NullLogger<JobUpdateBus>.Instance), _time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ApplyJobChangeCommand>.Instance);
        return await new HoldBlockedJobsCommand(db, apply, _time).ExecuteAsync(CancellationToken.None);
    }
}
