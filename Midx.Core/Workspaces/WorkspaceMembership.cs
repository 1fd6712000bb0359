namespace Midx.Core.Workspaces;

/// <summary>A workspace as one of its members sees it: its name, its posting boundary, its review rule and their role there.</summary>
public sealed record WorkspaceMembership(Guid Id, string Name, bool IsPersonal, bool InboxDraftsOnly, WorkspaceRole Role, bool RequiresReview = false)
{
    public bool Can(WorkspacePermission permission) => WorkspaceRoles.Allows(Role, permission);

    /// <summary>What this member composes waits for a Publisher's or Owner's approval.</summary>
    public bool PostsNeedApproval => WorkspaceRoles.PostsNeedApproval(RequiresReview, Role);
}
