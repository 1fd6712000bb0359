namespace Midx.Core.Publishing;

/// <summary>
/// Times as a reader names them (in their own time zone) turned into the UTC instants the database holds. The zone is
/// an IANA name as browsers report it; an unknown or missing zone counts as UTC, so a shared link never fails.
/// </summary>
public static class ReaderTimeZone
{
    public static TimeZoneInfo Find(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>, both days included.</summary>
    public static (DateTime? From, DateTime? Before) DaysToUtc(DateOnly? first, DateOnly? last, string? timeZoneId)
    {
        var zone = Find(timeZoneId);
        return (first is { } f ? ToUtc(f.ToDateTime(TimeOnly.MinValue), zone) : null,
            last is { } l ? ToUtc(l.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null);
    }

    /// <summary>
    /// A wall-clock time in the reader's zone as UTC. Where a clock change skips that time, the first time that exists
    /// after it; where a clock change repeats it, the first of the two.
    /// </summary>
    public static DateTime ToUtc(DateTime local, string? timeZoneId) => ToUtc(local, Find(timeZoneId));

    /// <summary>A UTC instant as the reader's clock shows it (the reverse of <see cref="ToUtc(DateTime, string?)"/>).</summary>
    public static DateTime ToLocal(DateTime utc, string? timeZoneId) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(timeZoneId)), DateTimeKind.Unspecified);

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var earlier = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - earlier, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
