using Midx.Core.Workspaces;

namespace Midx.App.Workspaces;

/// <summary>How pages say what a member's role does not let them do, and where things are linked, in one place.</summary>
public static class WorkspaceText
{
    /// <summary>"your Midx account" for a personal workspace, so a person alone reads what they always read.</summary>
    public static string Where(WorkspaceMembership workspace) =>
        workspace.IsPersonal ? "your Midx account" : $"the {workspace.Name} workspace";

    public static string CannotCompose(WorkspaceMembership workspace) =>
        $"As a {workspace.Role} of {workspace.Name} you see its posts and how they are doing, but you do not compose or send them. "
        + "An Owner of the workspace can change your role.";

    public static string CannotLink(WorkspaceMembership workspace) =>
        $"As a {workspace.Role} of {workspace.Name} you use the accounts linked here; an Owner or a Publisher links and disconnects them.";
}
