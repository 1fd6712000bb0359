namespace Midx.Core.Admin;

/// <summary>The columns of the audit log export, one line per <see cref="AuditRow"/> (see <see cref="Csv"/>).</summary>
public static class AuditCsv
{
    public static readonly string[] Columns =
        ["id", "at_utc", "action", "actor_user_id", "actor_email", "subject_user_id", "subject_email", "detail"];

    public static string Header => Csv.Line(Columns);

    public static string Line(AuditRow row) => Csv.Line(
    [
        row.Id.ToString(), Csv.Time(row.At), row.Action, row.ActorUserId?.ToString(), row.ActorEmail,
        row.SubjectUserId?.ToString(), row.SubjectEmail, row.Detail,
    ]);
}
