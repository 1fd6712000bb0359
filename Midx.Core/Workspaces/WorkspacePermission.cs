namespace Midx.Core.Workspaces;

/// <summary>One thing a member may do in a workspace; <see cref="WorkspaceRoles"/> grants them by role.</summary>
public enum WorkspacePermission
{
    /// <summary>See the workspace's accounts, posts and their status.</summary>
    View,

    /// <summary>Compose and send posts, cancel and retry them.</summary>
    Compose,

    /// <summary>Link and disconnect the workspace's TikTok accounts.</summary>
    LinkAccounts,

    /// <summary>
    /// Approve or send back posts awaiting review; a post this member composes needs no one else's approval, even where the
    /// workspace asks for review (<see cref="Workspace.RequiresReview"/>).
    /// </summary>
    Approve,

    /// <summary>Invite members, change their roles, remove them, revoke invitations.</summary>
    ManageMembers,

    /// <summary>Rename the workspace, set its posting boundary and review rule, and manage its API keys.</summary>
    ManageSettings,
}
