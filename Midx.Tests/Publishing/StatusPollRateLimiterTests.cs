using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class StatusPollRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryAcquire_ThirtyInOneMinute_AllowedAndTheNextWaitsForTheOldestToLeave()
    {
        var limiter = new StatusPollRateLimiter(_time);
        var account = Guid.NewGuid();
        var first = _time.GetUtcNow();

        for (var i = 0; i < 30; i++)
        {
            Assert.True(limiter.TryAcquire(account, 30, out _));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(limiter.TryAcquire(account, 30, out var retryAt));
        Assert.Equal(first + TimeSpan.FromMinutes(1), retryAt);
    }

    [Fact]
    public void TryAcquire_AfterTheWindowSlides_AllowsAgain()
    {
        var limiter = new StatusPollRateLimiter(_time);
        var account = Guid.NewGuid();
        for (var i = 0; i < 30; i++)
        {
            limiter.TryAcquire(account, 30, out _);
        }

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(limiter.TryAcquire(account, 30, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(account, 30, out _));
    }

    [Fact]
    public void TryAcquire_OneAccountAtItsLimit_DoesNotLimitAnother()
    {
        var limiter = new StatusPollRateLimiter(_time);
        var busy = Guid.NewGuid();
        for (var i = 0; i < 30; i++)
        {
            limiter.TryAcquire(busy, 30, out _);
        }

        Assert.False(limiter.TryAcquire(busy, 30, out _));
        Assert.True(limiter.TryAcquire(Guid.NewGuid(), 30, out _));
    }

    [Fact]
    public void TryAcquire_RefusedCall_IsNotCounted()
    {
        var limiter = new StatusPollRateLimiter(_time);
        var account = Guid.NewGuid();
        limiter.TryAcquire(account, 1, out _);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(limiter.TryAcquire(account, 1, out _));
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire(account, 1, out _));
    }
}
