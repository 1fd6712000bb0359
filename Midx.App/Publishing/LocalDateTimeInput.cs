using System.Globalization;

namespace Midx.App.Publishing;

/// <summary>
/// The value of an <c>&lt;input type="datetime-local"&gt;</c>, a wall-clock time without a zone, as the compose page's
/// time and a reviewer's new time both read and write it.
/// </summary>
public static class LocalDateTimeInput
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static string? Format(DateTime? local) => local?.ToString(Formats[0], CultureInfo.InvariantCulture);

    /// <summary>The time the field holds, or null when it is empty or not a time.</summary>
    public static DateTime? Parse(object? value) =>
        DateTime.TryParseExact(value as string, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
