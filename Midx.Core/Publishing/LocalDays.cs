namespace Midx.Core.Publishing;

/// <summary>
/// Days as a reader names them (dates in their own time zone) turned into the UTC instants the database holds. The zone
/// is an IANA name as browsers report it; an unknown or missing zone counts as UTC, so a shared link never fails.
/// </summary>
public static class LocalDays
{
    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>, both days included.</summary>
    public static (DateTime? From, DateTime? Before) ToUtcRange(DateOnly? first, DateOnly? last, string? timeZoneId)
    {
        var zone = Zone(timeZoneId);
        return (first is { } f ? StartOf(f, zone) : null, last is { } l ? StartOf(l.AddDays(1), zone) : null);
    }

    public static TimeZoneInfo Zone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The first instant of a local day; where a clock change skips midnight, the first time that exists.</summary>
    private static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
