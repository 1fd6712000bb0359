using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class LocalDaysTests
{
    [Fact]
    public void ToUtcRange_BerlinInWinter_RunsFromLocalMidnightToTheNextDaysMidnight()
    {
        var (from, before) = LocalDays.ToUtcRange(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), "Europe/Berlin");

        Assert.Equal(new DateTime(2026, 11, 19, 23, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 21, 23, 0, 0, DateTimeKind.Utc), before);
    }

    [Fact]
    public void ToUtcRange_DayWithoutMidnight_StartsAtTheFirstTimeThatExists()
    {
        // Santiago moves its clocks from 00:00 to 01:00 on 6 September 2026.
        var (from, _) = LocalDays.ToUtcRange(new DateOnly(2026, 9, 6), null, "America/Santiago");

        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), from);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not/AZone")]
    public void ToUtcRange_UnknownZone_CountsAsUtc(string? zone)
    {
        var (from, before) = LocalDays.ToUtcRange(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), zone);

        Assert.Equal(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), before);
    }
}
