using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class StatusPollScheduleTests
{
    private static readonly PublishingOptions Defaults = new();

    [Theory]
    [InlineData(0, 3)]
    [InlineData(6, 3)]
    [InlineData(30, 10)]
    [InlineData(45, 15)]
    [InlineData(600, 15)]
    public void NextDelay_WhileProcessing_StartsQuickAndSettlesAtTheMaximum(int processingSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), StatusPollSchedule.NextDelay(TimeSpan.FromSeconds(processingSeconds), Defaults));

    [Fact]
    public void NextDelay_PastTheWarningTime_ChecksOnlyAtTheSlowRate() =>
        Assert.Equal(Defaults.SlowPollInterval, StatusPollSchedule.NextDelay(TimeSpan.FromMinutes(31), Defaults));

    [Fact]
    public void NextDelay_AtMostThirtyChecksPerMinuteForOneJob() =>
        Assert.All(Enumerable.Range(0, 3600), s => Assert.True(StatusPollSchedule.NextDelay(TimeSpan.FromSeconds(s), Defaults) >= TimeSpan.FromSeconds(2)));
}
