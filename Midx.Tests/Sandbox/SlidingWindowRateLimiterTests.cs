using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class SlidingWindowRateLimiterTests
{
    private static readonly DateTimeOffset T0 = SandboxTime.Start;

    [Fact]
    public void TryAcquire_OverTheLimitWithinAMinute_IsRefusedUntilTheOldestCallSlidesOut()
    {
        var limiter = new SlidingWindowRateLimiter();
        for (var i = 0; i < 6; i++)
        {
            Assert.True(limiter.TryAcquire("token", "video_init", 6, T0.AddSeconds(i * 10)));
        }

        Assert.False(limiter.TryAcquire("token", "video_init", 6, T0.AddSeconds(59)));
        Assert.True(limiter.TryAcquire("token", "video_init", 6, T0.AddSeconds(60)));
        Assert.False(limiter.TryAcquire("token", "video_init", 6, T0.AddSeconds(69)));
    }

    [Fact]
    public void TryAcquire_RefusedCalls_DoNotExtendTheWindow()
    {
        var limiter = new SlidingWindowRateLimiter();
        Assert.True(limiter.TryAcquire("token", "e", 1, T0));
        Assert.False(limiter.TryAcquire("token", "e", 1, T0.AddSeconds(30)));

        Assert.True(limiter.TryAcquire("token", "e", 1, T0.AddSeconds(60)));
    }

    [Fact]
    public void TryAcquire_OtherTokenOrEndpoint_HasItsOwnWindow()
    {
        var limiter = new SlidingWindowRateLimiter();
        Assert.True(limiter.TryAcquire("a", "video_init", 1, T0));

        Assert.False(limiter.TryAcquire("a", "video_init", 1, T0));
        Assert.True(limiter.TryAcquire("b", "video_init", 1, T0));
        Assert.True(limiter.TryAcquire("a", "inbox_init", 1, T0));
    }
}
