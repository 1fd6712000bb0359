using Midx.Core.TikTok;

namespace Midx.Core.Admin;

/// <summary>Linked accounts whose tokens need attention. Never holds a token, only its state.</summary>
public sealed record TokenHealth(
    int NeedsReconnect,
    int RefreshFailing,
    int AccessExpired,
    IReadOnlyList<TokenAttentionRow> Accounts);

public sealed record TokenAttentionRow(
    Guid AccountId,
    Guid UserId,
    string? UserEmail,
    string? Username,
    string? DisplayName,
    TokenState TokenState,
    string? TokenProblem,
    int RefreshFailures,
    DateTime? LastRefreshedAt,
    DateTime? NextRefreshAttemptAt);
