using Midx.Core;

namespace Midx.Tests.Hosting;

public sealed class RetryDelayTests
{
    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1_000)]
    [InlineData(4, 4_000)]
    [InlineData(7, 30_000)] // 32 s, capped
    [InlineData(1_000, 30_000)] // no overflow however long it keeps failing
    public void Doubling_FailuresInARow_DoublesFromTheFirstDelayUpToTheCeiling(int failures, int expectedMs)
    {
        var delay = RetryDelay.Doubling(TimeSpan.FromMilliseconds(500), failures, TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Doubling_NoFailureYet_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryDelay.Doubling(TimeSpan.FromSeconds(1), 0, TimeSpan.FromSeconds(30)));
}
