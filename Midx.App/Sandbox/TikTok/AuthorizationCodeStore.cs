namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Authorization codes: single use, short-lived, bound to the client, redirect URI, creator, granted scopes and PKCE
/// challenge, so the code exchange can refuse a code brought with anything else. A code is spent by its first
/// redemption attempt, successful or not. Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class AuthorizationCodeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationCodeGrant grant, DateTimeOffset now, TimeSpan ttl)
    {
        var code = SandboxTokens.AuthorizationCode();
        lock (_gate)
        {
            _codes[code] = new Entry(grant, now + ttl);
        }

        return code;
    }

    /// <summary>The grant behind <paramref name="code"/>, or null when it is unknown, used or expired.</summary>
    public AuthorizationCodeGrant? Redeem(string code, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry) || entry.Used)
            {
                return null;
            }

            entry.Used = true;
            return now < entry.ExpiresAt ? entry.Grant : null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
        }
    }

    private sealed class Entry(AuthorizationCodeGrant grant, DateTimeOffset expiresAt)
    {
        public AuthorizationCodeGrant Grant { get; } = grant;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Used { get; set; }
    }
}

/// <summary>What a person approved on the authorize page.</summary>
public sealed record AuthorizationCodeGrant(
    string ClientKey,
    string RedirectUri,
    string OpenId,
    IReadOnlyList<string> Scopes,
    string? CodeChallenge);
