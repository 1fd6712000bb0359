namespace Midx.Core.Admin;

/// <summary>One workspace in the console's list, with its counts; owners by name.</summary>
public sealed record WorkspaceRow(
    Guid Id,
    string Name,
    bool IsPersonal,
    DateTime CreatedAt,
    int Members,
    IReadOnlyList<string> Owners,
    int LinkedAccounts,
    int Posts,
    int PendingInvitations);

/// <summary>One keyset page of workspaces and the cursor of the next, if there is one.</summary>
public sealed record WorkspaceListResult(IReadOnlyList<WorkspaceRow> Rows, KeysetCursor? Next);
