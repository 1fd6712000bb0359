using System.Globalization;
using System.Text;

namespace Midx.Core.Admin;

/// <summary>
/// Writes uploads as RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
/// prefixed with an apostrophe, because file names and error messages come from users and from TikTok.
/// </summary>
public static class UploadCsv
{
    public static readonly string[] Columns =
    [
        "id", "created_at_utc", "user_id", "user_email", "account_id", "account_username", "mode", "source", "state",
        "file_name", "file_size", "privacy_level", "scheduled_at_utc", "updated_at_utc", "completed_at_utc",
        "publish_id", "error_code", "error_message", "error_log_id",
    ];

    public static string Header => string.Join(',', Columns) + "\r\n";

    public static string Line(UploadRow row)
    {
        var cells = new[]
        {
            row.Id.ToString(), Time(row.CreatedAt), row.UserId.ToString(), row.UserEmail, row.AccountId?.ToString(),
            row.AccountUsername, row.Mode.ToString(), row.Source.ToString(), row.State.ToString(), row.FileName,
            row.FileSize.ToString(CultureInfo.InvariantCulture), row.PrivacyLevel, Time(row.ScheduledAt), Time(row.UpdatedAt),
            Time(row.CompletedAt), row.PublishId, row.ErrorCode, row.ErrorMessage, row.ErrorLogId,
        };
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
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

    private static string? Time(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
