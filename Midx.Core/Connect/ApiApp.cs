namespace Midx.Core.Connect;

/// <summary>
/// An integrator's app in a workspace: its name, shown to the people it sends to Midx's hosted connect page, and the
/// redirect URLs that page may send them back to, each matched exactly (<see cref="ApiAppRedirectUrl"/>).
/// </summary>
public sealed class ApiApp
{
    public const int MaxNameLength = 80;

    public const int MaxRedirectUrls = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public List<string> RedirectUrls { get; set; } = [];

    /// <summary>Who made it; null once they left Midx (the app stays the workspace's).</summary>
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
