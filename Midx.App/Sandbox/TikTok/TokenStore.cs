namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Access and refresh tokens (https://developers.tiktok.com/doc/oauth-user-access-token-management). Each code
/// exchange starts a family; refreshes add to it, keep its open_id and scopes, and rotate the refresh token when asked;
/// revoking any access token of the family kills all of it. With a <see cref="SandboxStateFile"/> every change is written
/// through, so an account linked before a restart still works after it, as it does when TikTok's own servers restart.
/// Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class TokenStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccessEntry> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshEntry> _refresh = new(StringComparer.Ordinal);
    private readonly SandboxStateFile? _state;

    public TokenStore(SandboxStateFile? state = null)
    {
        _state = state;
        if (state is null)
        {
            return;
        }

        var families = state.Query("SELECT id, open_id, scopes, revoked FROM token_families", row =>
                new Family(row.GetString(0), row.GetString(1), row.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries)) { Revoked = row.GetBoolean(3) })
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var (token, entry) in state.Query("SELECT token, family_id, expires_at, invalidated FROM refresh_tokens", row =>
            (row.GetString(0), new RefreshEntry(families[row.GetString(1)], SandboxStateFile.At(row.GetInt64(2))) { Invalidated = row.GetBoolean(3) })))
        {
            _refresh[token] = entry;
        }

        foreach (var (token, entry) in state.Query("SELECT token, family_id, expires_at FROM access_tokens", row =>
            (row.GetString(0), new AccessEntry(families[row.GetString(1)], SandboxStateFile.At(row.GetInt64(2))))))
        {
            _access[token] = entry;
        }
    }

    public IssuedTokens Issue(string openId, IReadOnlyList<string> scopes, TimeSpan accessTtl, TimeSpan refreshTtl, DateTimeOffset now)
    {
        lock (_gate)
        {
            var family = new Family(Guid.NewGuid().ToString("N"), openId, scopes);
            _state?.Execute("INSERT INTO token_families (id, open_id, scopes, revoked) VALUES ($id, $openId, $scopes, 0)",
                ("$id", family.Id), ("$openId", openId), ("$scopes", string.Join(',', scopes)));
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
                _state?.Execute("UPDATE refresh_tokens SET invalidated = 1 WHERE token = $token", ("$token", refreshToken));
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
            _state?.Execute("UPDATE token_families SET revoked = 1 WHERE id = $id", ("$id", entry.Family.Id));
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _access.Clear();
            _refresh.Clear();
            _state?.Execute("DELETE FROM access_tokens; DELETE FROM refresh_tokens; DELETE FROM token_families;");
        }
    }

    private string AddRefresh(Family family, TimeSpan ttl, DateTimeOffset now)
    {
        var token = SandboxTokens.RefreshToken();
        _refresh[token] = new RefreshEntry(family, now + ttl);
        _state?.Execute("INSERT INTO refresh_tokens (token, family_id, expires_at, invalidated) VALUES ($token, $family, $expiresAt, 0)",
            ("$token", token), ("$family", family.Id), ("$expiresAt", SandboxStateFile.Ticks(now + ttl)));
        return token;
    }

    private IssuedTokens AddAccess(Family family, string refreshToken, TimeSpan accessTtl, TimeSpan refreshTtl, DateTimeOffset now)
    {
        var token = SandboxTokens.AccessToken();
        _access[token] = new AccessEntry(family, now + accessTtl);
        _state?.Execute("INSERT INTO access_tokens (token, family_id, expires_at) VALUES ($token, $family, $expiresAt)",
            ("$token", token), ("$family", family.Id), ("$expiresAt", SandboxStateFile.Ticks(now + accessTtl)));
        return new IssuedTokens(token, (long)accessTtl.TotalSeconds, refreshToken, (long)refreshTtl.TotalSeconds, family.OpenId, family.Scopes);
    }

    private sealed class Family(string id, string openId, IReadOnlyList<string> scopes)
    {
        /// <summary>Names the family in the state file, where its tokens point at it.</summary>
        public string Id { get; } = id;

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
