namespace Midx.Core.Admin;

/// <summary>The columns of the token health export, one line per <see cref="TokenAttentionRow"/>: states, never a token.</summary>
public static class TokenCsv
{
    public static readonly string[] Columns =
    [
        "account_id", "account_username", "account_display_name", "user_id", "user_email", "token_state", "issue",
        "refresh_failures", "last_refreshed_at_utc", "next_refresh_attempt_at_utc", "access_token_expires_at_utc", "problem",
    ];

    public static string Header => Csv.Line(Columns);

    public static string Line(TokenAttentionRow row) => Csv.Line(
    [
        row.AccountId.ToString(), row.Username, row.DisplayName, row.UserId.ToString(), row.UserEmail, row.TokenState.ToString(),
        TokenIssues.QueryValue(row.Issue), Csv.Number(row.RefreshFailures), Csv.Time(row.LastRefreshedAt),
        Csv.Time(row.NextRefreshAttemptAt), Csv.Time(row.AccessTokenExpiresAt), row.Problem,
    ]);
}
