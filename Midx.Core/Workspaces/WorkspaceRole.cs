namespace Midx.Core.Workspaces;

/// <summary>A member's role, from the most to the least they may do; <see cref="WorkspaceRoles"/> says what each allows.</summary>
public enum WorkspaceRole
{
    Owner,
    Publisher,
    Editor,
    Viewer,
}
