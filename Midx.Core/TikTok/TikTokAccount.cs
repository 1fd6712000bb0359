namespace Midx.Core.TikTok;

/// <summary>
/// A TikTok account linked into a workspace, by <see cref="UserId"/> (null once that person left Midx) or through an API
/// app's hosted connect page (<see cref="LinkedThroughApp"/>). Tokens are stored
/// only as Data Protection ciphertext.
/// </summary>
public sealed class TikTokAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }

    /// <summary>The name of the API app through whose hosted connect page it was linked, by someone who is no Midx user.</summary>
    public string? LinkedThroughApp { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string OpenId { get; set; }
    public string? UnionId { get; set; }
    public string? Username { get; set; }
    public string? DisplayName { get; set; }
    public string? AvatarUrl { get; set; }

    /// <summary>Comma-separated scopes TikTok reported as granted.</summary>
    public string GrantedScopes { get; set; } = "";

    public DateTime ConnectedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    public string? AccessTokenCipher { get; set; }
    public DateTime? AccessTokenExpiresAt { get; set; }
    public string? RefreshTokenCipher { get; set; }
    public DateTime? RefreshTokenExpiresAt { get; set; }

    public TokenState TokenState { get; set; } = TokenState.Active;
    public string? TokenProblem { get; set; }
    public DateTime? LastRefreshedAt { get; set; }
    public int RefreshFailures { get; set; }
    public DateTime? NextRefreshAttemptAt { get; set; }

    /// <summary>
    /// Earliest time (UTC) of this account's next TikTok status check, shared by every instance so that together they
    /// stay within TikTok's per-token limit (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit); see
    /// <c>StatusPollRateLimiter</c>.
    /// </summary>
    public DateTime? NextStatusPollAt { get; set; }
}
