using System.Globalization;
using System.Text;

namespace Midx.Core.Admin;

/// <summary>
/// RFC 4180 CSV for the console's exports. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
/// prefixed with an apostrophe, because names, file names and error messages come from users and from TikTok.
/// </summary>
public static class Csv
{
    /// <summary>The most rows one export holds; the console says so beside every export button.</summary>
    public const int MaxRows = 100_000;

    public static string Line(IReadOnlyList<string?> cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Cell(cells[i]));
        }

        return line.Append("\r\n").ToString();
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>A UTC moment as ISO 8601, the form every export uses.</summary>
    public static string? Time(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
