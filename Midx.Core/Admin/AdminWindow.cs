namespace Midx.Core.Admin;

/// <summary>
/// A stretch of time the admin console counts over, with the words its pages use for it, so a query and the heading
/// above its figures can never disagree.
/// </summary>
public sealed record AdminWindow(TimeSpan Length, string Label, string ShortLabel)
{
    /// <summary>Failures counted for the overview's alert.</summary>
    public static readonly AdminWindow LastHour = new(TimeSpan.FromHours(1), "last hour", "1 h");

    /// <summary>The overview's uploads by state and the failures page's first column.</summary>
    public static readonly AdminWindow LastDay = new(TimeSpan.FromDays(1), "last 24 hours", "24 h");

    /// <summary>How far back the failures page groups failures.</summary>
    public static readonly AdminWindow LastWeek = new(TimeSpan.FromDays(7), "last 7 days", "7 days");

    /// <summary>Days of the overview's uploads-and-failures chart.</summary>
    public const int ChartDays = 30;

    /// <summary>The moment the window opens, seen from <paramref name="now"/>.</summary>
    public DateTime Start(DateTime now) => now - Length;
}
