namespace Midx.Core.Workspaces;

/// <summary>
/// The one table of what each role may do. Pages ask it what to offer, commands and queries ask it what to allow (the
/// latter inside their SQL, through <see cref="RolesAllowing"/>), and its tests walk it row by row.
/// </summary>
public static class WorkspaceRoles
{
    private static readonly IReadOnlyDictionary<WorkspaceRole, WorkspacePermission[]> Table = new Dictionary<WorkspaceRole, WorkspacePermission[]>
    {
        [WorkspaceRole.Owner] =
        [
            WorkspacePermission.View, WorkspacePermission.Compose, WorkspacePermission.LinkAccounts, WorkspacePermission.Approve,
            WorkspacePermission.ManageMembers, WorkspacePermission.ManageSettings,
        ],
        [WorkspaceRole.Publisher] = [WorkspacePermission.View, WorkspacePermission.Compose, WorkspacePermission.LinkAccounts, WorkspacePermission.Approve],
        [WorkspaceRole.Editor] = [WorkspacePermission.View, WorkspacePermission.Compose],
        [WorkspaceRole.Viewer] = [WorkspacePermission.View],
    };

    /// <summary>
    /// The role an API key of a workspace acts with when it posts: an Editor's, so that a workspace asking for review
    /// reviews what integrations send, and a key never approves.
    /// </summary>
    public const WorkspaceRole ApiKeyRole = WorkspaceRole.Editor;

    public static bool Allows(WorkspaceRole role, WorkspacePermission permission) => Table[role].Contains(permission);

    /// <summary>
    /// A post composed by someone with <paramref name="role"/> waits for approval: the workspace asks for review and the
    /// role may not approve. Submitting, editing and the compose page's button all ask this.
    /// </summary>
    public static bool PostsNeedApproval(bool workspaceRequiresReview, WorkspaceRole role) =>
        workspaceRequiresReview && !Allows(role, WorkspacePermission.Approve);

    /// <summary>The roles that may do <paramref name="permission"/>, for a query's <c>Contains</c>.</summary>
    public static WorkspaceRole[] RolesAllowing(WorkspacePermission permission) =>
        Table.Where(row => row.Value.Contains(permission)).Select(row => row.Key).ToArray();

    /// <summary>What a role is for, as the members page and the invitation say it.</summary>
    public static string Describe(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Owner => "Manages members and settings, links accounts, publishes and approves posts.",
        WorkspaceRole.Publisher => "Links accounts, publishes and approves posts.",
        WorkspaceRole.Editor => "Composes posts; where posts need approval, a Publisher approves them before they go.",
        WorkspaceRole.Viewer => "Sees posts and their status, and changes nothing.",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
