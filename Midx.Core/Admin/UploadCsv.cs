namespace Midx.Core.Admin;

/// <summary>The columns of the uploads export, one line per <see cref="UploadRow"/> (see <see cref="Csv"/>).</summary>
public static class UploadCsv
{
    public static readonly string[] Columns =
    [
        "id", "created_at_utc", "user_id", "user_email", "account_id", "account_username", "mode", "source", "state",
        "file_name", "file_size", "privacy_level", "scheduled_at_utc", "updated_at_utc", "completed_at_utc",
        "publish_id", "error_code", "error_message", "error_log_id",
    ];

    public static string Header => Csv.Line(Columns);

    public static string Line(UploadRow row) => Csv.Line(
    [
        row.Id.ToString(), Csv.Time(row.CreatedAt), row.UserId.ToString(), row.UserEmail, row.AccountId?.ToString(),
        row.AccountUsername, row.Mode.ToString(), row.Source.ToString(), row.State.ToString(), row.FileName,
        Csv.Number(row.FileSize), row.PrivacyLevel, Csv.Time(row.ScheduledAt), Csv.Time(row.UpdatedAt),
        Csv.Time(row.CompletedAt), row.PublishId, row.ErrorCode, row.ErrorMessage, row.ErrorLogId,
    ]);
}
