namespace Midx.Core.Accounts;

/// <summary>A person, identified by their Google account. Midx never holds a password.</summary>
public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string GoogleSubject { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string? AvatarUrl { get; set; }
    public bool IsAdmin { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>Changes whenever existing sessions must stop working (disable, delete, role change).</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}
