using System.Text.Json;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Authorization codes: single use, short-lived, bound to the client, redirect URI, creator, granted scopes and PKCE
/// challenge, so the code exchange can refuse a code brought with anything else. A code is spent by its first
/// redemption attempt, successful or not. With a <see cref="SandboxStateFile"/> every change is written through, so a
/// code issued before a restart can still be exchanged (once) after it. Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class AuthorizationCodeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _codes = new(StringComparer.Ordinal);
    private readonly SandboxStateFile? _state;

    public AuthorizationCodeStore(SandboxStateFile? state = null)
    {
        _state = state;
        foreach (var (code, entry) in state?.Query("SELECT code, grant_json, expires_at, used FROM codes", row => (row.GetString(0),
            new Entry(JsonSerializer.Deserialize<AuthorizationCodeGrant>(row.GetString(1))!, SandboxStateFile.At(row.GetInt64(2))) { Used = row.GetBoolean(3) })) ?? [])
        {
            _codes[code] = entry;
        }
    }

    public string Issue(AuthorizationCodeGrant grant, DateTimeOffset now, TimeSpan ttl)
    {
        var code = SandboxTokens.AuthorizationCode();
        lock (_gate)
        {
            _codes[code] = new Entry(grant, now + ttl);
            _state?.Execute("INSERT INTO codes (code, grant_json, expires_at, used) VALUES ($code, $grant, $expiresAt, 0)",
                ("$code", code), ("$grant", JsonSerializer.Serialize(grant)), ("$expiresAt", SandboxStateFile.Ticks(now + ttl)));
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
            _state?.Execute("UPDATE codes SET used = 1 WHERE code = $code", ("$code", code));
            return now < entry.ExpiresAt ? entry.Grant : null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
            _state?.Execute("DELETE FROM codes");
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
