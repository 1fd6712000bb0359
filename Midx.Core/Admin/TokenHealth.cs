using Midx.Core.TikTok;

namespace Midx.Core.Admin;

/// <summary>Linked accounts whose tokens need attention. Never holds a token, only its state.</summary>
public sealed record TokenHealth(
    int NeedsReconnect,
    int RefreshFailing,
    int AccessExpired,
    IReadOnlyList<TokenAttentionRow> Accounts);

/// <summary>A linked account that needs attention, by its token's state columns only.</summary>
public sealed record TokenAttentionRow(
    Guid AccountId,
    /// <summary>Who linked the account; null once they deleted their Midx account (the account stays with its shared workspace).</summary>
    Guid? UserId,
    string? UserEmail,
    string? Username,
    string? DisplayName,
    TokenState TokenState,
    string? TokenProblem,
    int RefreshFailures,
    DateTime? LastRefreshedAt,
    DateTime? NextRefreshAttemptAt,
    DateTime? AccessTokenExpiresAt = null)
{
    /// <summary>The most pressing issue: a reconnect before a failing refresh before an expired access token.</summary>
    public TokenIssue Issue => TokenState == TokenState.NeedsReconnect ? TokenIssue.NeedsReconnect
        : RefreshFailures > 0 ? TokenIssue.RefreshFailing
        : TokenIssue.AccessExpired;

    /// <summary>TikTok's or the refresher's recorded reason, or what the issue means.</summary>
    public string Problem => TokenProblem ?? TokenIssues.Explain(Issue, RefreshFailures);
}

/// <summary>One page of <see cref="TokenAttentionQuery"/> and how many accounts match in all.</summary>
public sealed record TokenAttentionPage(IReadOnlyList<TokenAttentionRow> Rows, int Total);
