namespace Midx.Core.Workspaces;

/// <summary>
/// An invitation to join a workspace with a role, for one email address. Its link carries a secret that is stored only
/// as a hash (<see cref="TokenHash"/>); it is accepted by signing in with Google as that address, within
/// <see cref="Lifetime"/>, once.
/// </summary>
public sealed class WorkspaceInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Email { get; set; }
    public WorkspaceRole Role { get; set; }

    /// <summary>SHA-256 of the link's secret, hex; the secret itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public Guid? InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsPending(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
