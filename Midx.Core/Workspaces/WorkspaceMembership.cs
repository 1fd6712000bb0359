namespace Midx.Core.Workspaces;

/// <summary>A workspace as one of its members sees it: its name, its posting boundary and their role there.</summary>
public sealed record WorkspaceMembership(Guid Id, string Name, bool IsPersonal, bool InboxDraftsOnly, WorkspaceRole Role)
{
    public bool Can(WorkspacePermission permission) => WorkspaceRoles.Allows(Role, permission);
}
