using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The status-check limit as several app instances see it: each limiter here has its own DbContext (its own
/// connection) over one SQLite file, as two instances have over the shared database.
/// </summary>
public sealed class StatusPollRateLimiterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private PublishingDatabase _database = default!;

    public async Task InitializeAsync() => _database = await PublishingDatabase.CreateAsync(_time.GetUtcNow().UtcDateTime);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryAcquire_TwoInstancesAskingTogetherForTwoMinutes_GrantThirtyInEveryMinuteAndNeverMore()
    {
        var start = _time.GetUtcNow().UtcDateTime;

        var grants = await AskTogetherAsync(_database.NewContext, _database.Account.Id, _time, TimeSpan.FromMinutes(2));

        AssertThirtyInEveryMinute(grants, start, TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task TryAcquire_ManyInstancesAtTheSameMoment_ExactlyOneIsGranted()
    {
        var contexts = Enumerable.Range(0, 6).Select(_ => _database.NewContext()).ToList();
        try
        {
            var permits = await Task.WhenAll(contexts.Select(db => Limiter(db).TryAcquireAsync(_database.Account.Id, 30, CancellationToken.None)));

            Assert.Single(permits, p => p.Granted);
            var now = _time.GetUtcNow().UtcDateTime;
            Assert.All(permits.Where(p => !p.Granted), p => Assert.Equal(now + TimeSpan.FromSeconds(2), p.RetryAt));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TryAcquire_TakenByTheOtherInstance_RetryAtIsWhenTheNextCheckIsFree()
    {
        await using var first = _database.NewContext();
        await using var second = _database.NewContext();
        var account = _database.Account.Id;
        var start = _time.GetUtcNow().UtcDateTime;

        var taken = await Limiter(first).TryAcquireAsync(account, 30, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var refused = await Limiter(second).TryAcquireAsync(account, 30, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1499));
        var stillRefused = await Limiter(second).TryAcquireAsync(account, 30, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var granted = await Limiter(second).TryAcquireAsync(account, 30, CancellationToken.None);

        Assert.Equal(new StatusPollPermit(true, start), taken);
        Assert.Equal(new StatusPollPermit(false, start + TimeSpan.FromSeconds(2)), refused);
        Assert.Equal(new StatusPollPermit(false, start + TimeSpan.FromSeconds(2)), stillRefused);
        Assert.Equal(new StatusPollPermit(true, start + TimeSpan.FromSeconds(2)), granted);
        Assert.Equal(start + TimeSpan.FromSeconds(4), await NextStatusPollAtAsync(account));
    }

    [Fact]
    public async Task TryAcquire_LimitNotDividingAMinute_SpacingIsRoundedUpSoSevenNeverFitInAMinute()
    {
        await using var db = _database.NewContext();
        var start = _time.GetUtcNow().UtcDateTime;

        var taken = await Limiter(db).TryAcquireAsync(_database.Account.Id, 7, CancellationToken.None);
        var refused = await Limiter(db).TryAcquireAsync(_database.Account.Id, 7, CancellationToken.None);

        Assert.True(taken.Granted);
        // 60 s / 7 = 8571.43 ms: 8572 ms apart, the eighth check comes 60.004 s after the first.
        Assert.Equal(new StatusPollPermit(false, start + TimeSpan.FromMilliseconds(8572)), refused);
    }

    [Fact]
    public async Task TryAcquire_OneAccountTakenOnOneInstance_AnotherAccountIsGrantedOnTheOther()
    {
        var start = _time.GetUtcNow().UtcDateTime;
        var other = await _database.AddAccountAsync(_database.User.Id, start);
        await using var first = _database.NewContext();
        await using var second = _database.NewContext();

        Assert.True((await Limiter(first).TryAcquireAsync(_database.Account.Id, 30, CancellationToken.None)).Granted);
        Assert.False((await Limiter(second).TryAcquireAsync(_database.Account.Id, 30, CancellationToken.None)).Granted);
        Assert.True((await Limiter(second).TryAcquireAsync(other.Id, 30, CancellationToken.None)).Granted);
        Assert.False((await Limiter(first).TryAcquireAsync(other.Id, 30, CancellationToken.None)).Granted);

        Assert.Equal(start + TimeSpan.FromSeconds(2), await NextStatusPollAtAsync(_database.Account.Id));
        Assert.Equal(start + TimeSpan.FromSeconds(2), await NextStatusPollAtAsync(other.Id));
    }

    [Fact]
    public async Task TryAcquire_RefusedCalls_DoNotPushTheNextCheckFurther()
    {
        await using var db = _database.NewContext();
        var account = _database.Account.Id;
        var start = _time.GetUtcNow().UtcDateTime;
        await Limiter(db).TryAcquireAsync(account, 1, CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(new StatusPollPermit(false, start + TimeSpan.FromMinutes(1)), await Limiter(db).TryAcquireAsync(account, 1, CancellationToken.None));
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await Limiter(db).TryAcquireAsync(account, 1, CancellationToken.None)).Granted);
    }

    /// <summary>
    /// Two instances (each a limiter over its own context) ask for the same account's check at the same moments, every
    /// 500 ms for <paramref name="duration"/>, as busy workers would; returns when each check was granted.
    /// </summary>
    internal static async Task<List<DateTime>> AskTogetherAsync(Func<MidxDbContext> newContext, Guid accountId, FakeTimeProvider time, TimeSpan duration)
    {
        await using var first = newContext();
        await using var second = newContext();
        var instances = new[] { new StatusPollRateLimiter(first, time), new StatusPollRateLimiter(second, time) };
        var grants = new List<DateTime>();
        var end = time.GetUtcNow().UtcDateTime + duration;
        while (time.GetUtcNow().UtcDateTime < end)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var permits = await Task.WhenAll(instances.Select(l => l.TryAcquireAsync(accountId, 30, CancellationToken.None)));
            grants.AddRange(permits.Where(p => p.Granted).Select(_ => now));
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        return grants;
    }

    /// <summary>No one-minute window holds more than 30 grants, and the instances together still get all 30 a minute.</summary>
    internal static void AssertThirtyInEveryMinute(IReadOnlyList<DateTime> grants, DateTime start, TimeSpan duration)
    {
        var mostInAMinute = grants.Max(g => grants.Count(other => other >= g && other < g + StatusPollRateLimiter.Window));
        Assert.Equal(30, mostInAMinute);
        Assert.Equal(30 * (int)duration.TotalMinutes, grants.Count);
        Assert.Equal(grants.Count, grants.Distinct().Count());
        Assert.Equal(start, grants.Min());
    }

    private StatusPollRateLimiter Limiter(MidxDbContext db) => new(db, _time);

    private async Task<DateTime?> NextStatusPollAtAsync(Guid accountId)
    {
        await using var db = _database.NewContext();
        return await db.TikTokAccounts.Where(a => a.Id == accountId).Select(a => a.NextStatusPollAt).SingleAsync();
    }
}
