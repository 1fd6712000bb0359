using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class ReaderTimeZoneTests
{
    [Fact]
    public void DaysToUtc_BerlinInWinter_RunsFromLocalMidnightToTheNextDaysMidnight()
    {
        var (from, before) = ReaderTimeZone.DaysToUtc(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), "Europe/Berlin");

        Assert.Equal(new DateTime(2026, 11, 19, 23, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 21, 23, 0, 0, DateTimeKind.Utc), before);
    }

    [Fact]
    public void DaysToUtc_DayWithoutMidnight_StartsAtTheFirstTimeThatExists()
    {
        // Santiago moves its clocks from 00:00 to 01:00 on 6 September 2026.
        var (from, _) = ReaderTimeZone.DaysToUtc(new DateOnly(2026, 9, 6), null, "America/Santiago");

        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), from);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not/AZone")]
    public void DaysToUtc_UnknownZone_CountsAsUtc(string? zone)
    {
        var (from, before) = ReaderTimeZone.DaysToUtc(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), zone);

        Assert.Equal(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), before);
    }

    [Fact]
    public void ToUtc_BerlinInSummer_SubtractsTwoHours()
    {
        Assert.Equal(new DateTime(2026, 7, 1, 16, 30, 0, DateTimeKind.Utc), ReaderTimeZone.ToUtc(new DateTime(2026, 7, 1, 18, 30, 0), "Europe/Berlin"));
    }

    [Fact]
    public void ToUtc_TimeTheClockSkips_IsTheFirstTimeAfterIt()
    {
        // Berlin jumps from 02:00 to 03:00 on 28 March 2027: 02:30 never happens, 03:00 (01:00 UTC) comes first.
        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0, DateTimeKind.Utc), ReaderTimeZone.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0), "Europe/Berlin"));
    }

    [Fact]
    public void ToUtc_TimeTheClockRepeats_IsTheFirstOfTheTwo()
    {
        // Berlin goes back from 03:00 to 02:00 on 25 October 2026: 02:30 happens first at 00:30 UTC (summer time).
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), ReaderTimeZone.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), "Europe/Berlin"));
    }
}
