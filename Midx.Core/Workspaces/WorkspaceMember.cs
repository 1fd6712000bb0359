namespace Midx.Core.Workspaces;

/// <summary>A person's place in a workspace: what they may do there is their <see cref="Role"/>'s row in <see cref="WorkspaceRoles"/>.</summary>
public sealed class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public WorkspaceRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}
