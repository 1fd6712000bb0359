namespace Midx.Core.Admin;

/// <summary>The columns of the users export, one line per <see cref="UserRow"/> (see <see cref="Csv"/>).</summary>
public static class UserCsv
{
    public static readonly string[] Columns =
        ["id", "email", "name", "role", "disabled", "linked_accounts", "joined_at_utc", "last_seen_at_utc"];

    public static string Header => Csv.Line(Columns);

    public static string Line(UserRow row) => Csv.Line(
    [
        row.Id.ToString(), row.Email, row.Name, row.Role, row.IsDisabled ? "yes" : "no", Csv.Number(row.LinkedAccounts),
        Csv.Time(row.CreatedAt), Csv.Time(row.LastSeenAt),
    ]);
}
