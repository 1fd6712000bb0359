namespace Midx.Core.Api;

/// <summary>
/// A workspace's key to Midx's REST API. The secret is shown once when the key is made and stored only as a hash
/// (<see cref="SecretHash"/>); afterwards the key is known by its visible <see cref="Prefix"/>. A rotated key keeps
/// working until <see cref="ExpiresAt"/> (the overlap), next to the key that replaces it.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 80;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }

    /// <summary>The visible start of the key (<c>midx_</c> and 8 characters), unique: how the key is found and shown.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex; the key itself is never stored.</summary>
    public required string SecretHash { get; set; }

    public ApiScope Scopes { get; set; }

    /// <summary>Who made it; null once they left Midx (the key stays the workspace's until revoked).</summary>
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>The key this one replaced by rotation.</summary>
    public Guid? RotatedFromKeyId { get; set; }

    public bool IsActive(DateTime now) => IsActive(RevokedAt, ExpiresAt, now);

    /// <summary>The one rule of a key that works: not revoked, and not past its expiry.</summary>
    public static bool IsActive(DateTime? revokedAt, DateTime? expiresAt, DateTime now) => revokedAt is null && (expiresAt is null || expiresAt > now);
}
