namespace Midx.Core.Connect;

/// <summary>
/// A one-time link to Midx's hosted connect page, made through the API for an <see cref="ApiApp"/>: whoever opens it
/// can link their TikTok account into the app's workspace, and is then sent back to <see cref="RedirectUrl"/> with the
/// integrator's <see cref="State"/>. Only the SHA-256 of the link's secret is stored (<see cref="TokenHash"/>).
/// </summary>
public sealed class ConnectLink
{
    public const int MaxStateLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid AppId { get; set; }

    /// <summary>The API key that made it; null once that key is gone.</summary>
    public Guid? KeyId { get; set; }
    public required string TokenHash { get; set; }
    public required string RedirectUrl { get; set; }
    public required string State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>When TikTok's answer came back for it: from then on the link is spent, whatever the answer was.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>The TikTok account it linked, if it did.</summary>
    public Guid? TikTokAccountId { get; set; }

    /// <summary>Why it linked none (a connect code of <see cref="Errors.ErrorCatalog"/>), once used.</summary>
    public string? ErrorCode { get; set; }

    public ConnectLinkStatus StatusAt(DateTime now) => StatusOf(UsedAt, ExpiresAt, now);

    /// <summary>The one rule of a link's life: spent once used; otherwise open until it expires.</summary>
    public static ConnectLinkStatus StatusOf(DateTime? usedAt, DateTime expiresAt, DateTime now) =>
        usedAt is not null ? ConnectLinkStatus.Used : expiresAt <= now ? ConnectLinkStatus.Expired : ConnectLinkStatus.Pending;
}

public enum ConnectLinkStatus
{
    Pending,
    Used,
    Expired,
}
