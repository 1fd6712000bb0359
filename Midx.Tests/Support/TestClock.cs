using Microsoft.Extensions.Time.Testing;

namespace Midx.Tests.Support;

/// <summary>
/// The moment tests that move time by hand start from. A <see cref="FakeTimeProvider"/> fires its timers and
/// delays only when advanced, so code that waits on the clock needs the test to advance it.
/// </summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
