namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Access and refresh tokens (https://developers.tiktok.com/doc/oauth-user-access-token-management). Each code
/// exchange starts a family; refreshes add to it, keep its open_id and scopes, and rotate the refresh token when asked;
/// revoking any access token of the family kills all of it. Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class TokenStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccessEntry> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshEntry> _refresh = new(StringComparer.Ordinal);

    public IssuedTokens Issue(string openId, IReadOnlyList<string> scopes, TimeSpan accessTtl, TimeSpan refreshTtl, DateTimeOffset now)
    {
        lock (_gate)
        {
            var family = new Family(openId, scopes);
            var refreshToken = AddRefresh(family, refreshTtl, now);
            return AddAccess(family, refreshToken, accessTtl, refreshTtl, now);
        }
    }

    /// <summary>The grant behind a Bearer token, or null when it is unknown, expired or revoked.</summary>
    public AccessGrant? FindAccess(string accessToken, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _access.TryGetValue(accessToken, out var entry) && !entry.Family.Revoked && now < entry.ExpiresAt
                ? new AccessGrant(accessToken, entry.Family.OpenId, entry.Family.Scopes, entry.ExpiresAt)
                : null;
        }
    }

    /// <summary>New tokens for a refresh token, or null (<c>invalid_grant</c>) when it is unknown, expired, rotated out or revoked.</summary>
    public IssuedTokens? Refresh(string refreshToken, TimeSpan accessTtl, TimeSpan refreshTtl, bool rotate, bool invalidatePrevious, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var entry) || entry.Family.Revoked || entry.Invalidated || now >= entry.ExpiresAt)
            {
                return null;
            }

            if (!rotate)
            {
                return AddAccess(entry.Family, refreshToken, accessTtl, entry.ExpiresAt - now, now);
            }

            if (invalidatePrevious)
            {
                entry.Invalidated = true;
            }

            var next = AddRefresh(entry.Family, refreshTtl, now);
            return AddAccess(entry.Family, next, accessTtl, refreshTtl, now);
        }
    }

    /// <summary>Revokes the family of a live access token; false when the token is unknown, expired or already revoked.</summary>
    public bool Revoke(string accessToken, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_access.TryGetValue(accessToken, out var entry) || entry.Family.Revoked || now >= entry.ExpiresAt)
            {
                return false;
            }

            entry.Family.Revoked = true;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _access.Clear();
            _refresh.Clear();
        }
    }

    private string AddRefresh(Family family, TimeSpan ttl, DateTimeOffset now)
    {
        var token = SandboxTokens.RefreshToken();
        _refresh[token] = new RefreshEntry(family, now + ttl);
        return token;
    }

    private IssuedTokens AddAccess(Family family, string refreshToken, TimeSpan accessTtl, TimeSpan refreshTtl, DateTimeOffset now)
    {
        var token = SandboxTokens.AccessToken();
        _access[token] = new AccessEntry(family, now + accessTtl);
        return new IssuedTokens(token, (long)accessTtl.TotalSeconds, refreshToken, (long)refreshTtl.TotalSeconds, family.OpenId, family.Scopes);
    }

    private sealed class Family(string openId, IReadOnlyList<string> scopes)
    {
        public string OpenId { get; } = openId;

        public IReadOnlyList<string> Scopes { get; } = scopes;

        public bool Revoked { get; set; }
    }

    private sealed record AccessEntry(Family Family, DateTimeOffset ExpiresAt);

    private sealed class RefreshEntry(Family family, DateTimeOffset expiresAt)
    {
        public Family Family { get; } = family;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Invalidated { get; set; }
    }
}

/// <summary>TikTok's flat token response (no data/error envelope) before it is written as JSON.</summary>
public sealed record IssuedTokens(string AccessToken, long ExpiresIn, string RefreshToken, long RefreshExpiresIn, string OpenId, IReadOnlyList<string> Scopes);

/// <summary>Who a live Bearer token speaks for.</summary>
public sealed record AccessGrant(string AccessToken, string OpenId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt)
{
    public bool Has(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}
