using System.Globalization;

namespace Midx.Core.Admin;

/// <summary>
/// The position after the last row of a page, for newest-first lists ordered by (time, id). Keyset paging costs the
/// same on page 1,000 as on page 1, and a row added meanwhile never shifts the pages a reader is walking through.
/// </summary>
public readonly record struct KeysetCursor(DateTime At, Guid Id)
{
    public override string ToString() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id:N}";

    public static KeysetCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(text.AsSpan(dash + 1), "N", out var id))
        {
            return null;
        }

        return new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
