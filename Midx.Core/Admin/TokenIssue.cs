namespace Midx.Core.Admin;

/// <summary>Why a linked account's tokens need an admin's attention; the token health page filters on it.</summary>
public enum TokenIssue
{
    NeedsReconnect,
    RefreshFailing,
    AccessExpired,
}

/// <summary>The words and URL values of <see cref="TokenIssue"/>, defined once for the page, its export and the tests.</summary>
public static class TokenIssues
{
    public const string AllLabel = "All";

    public static readonly TokenIssue[] All = [TokenIssue.NeedsReconnect, TokenIssue.RefreshFailing, TokenIssue.AccessExpired];

    public static string Label(TokenIssue issue) => issue switch
    {
        TokenIssue.NeedsReconnect => "Needs reconnect",
        TokenIssue.RefreshFailing => "Refresh failing",
        _ => "Access token expired",
    };

    /// <summary>The value of the page's and the export's <c>problem=</c> parameter.</summary>
    public static string QueryValue(TokenIssue issue) => issue switch
    {
        TokenIssue.NeedsReconnect => "reconnect",
        TokenIssue.RefreshFailing => "failing",
        _ => "expired",
    };

    /// <summary>The issue a <c>problem=</c> value names; null for "all", a missing or an unknown value.</summary>
    public static TokenIssue? Parse(string? value) =>
        All.Cast<TokenIssue?>().FirstOrDefault(i => string.Equals(QueryValue(i!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong, and what happens next, when TikTok's own reason was not recorded.</summary>
    public static string Explain(TokenIssue issue, int refreshFailures) => issue switch
    {
        TokenIssue.NeedsReconnect => "TikTok no longer accepts this account's tokens: the creator must reconnect it on their Accounts page.",
        TokenIssue.RefreshFailing => $"The last {refreshFailures} background refresh{(refreshFailures == 1 ? "" : "es")} failed; Midx keeps retrying.",
        _ => "The access token expired and has not been refreshed yet; Midx refreshes it before the account's next post.",
    };
}
