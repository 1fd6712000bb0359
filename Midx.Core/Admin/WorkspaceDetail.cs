using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Admin;

/// <summary>
/// Everything the console shows about one workspace. Invitations carry who and until when, never their link's secret
/// or its hash; accounts carry token state, never tokens; API keys their prefix and use, never their secret or hash.
/// </summary>
public sealed record WorkspaceDetail(
    Guid Id,
    string Name,
    bool IsPersonal,
    bool InboxDraftsOnly,
    bool RequiresReview,
    DateTime CreatedAt,
    IReadOnlyList<WorkspaceMemberRow> Members,
    IReadOnlyList<WorkspaceInvitationRow> PendingInvitations,
    IReadOnlyList<WorkspaceAccountRow> Accounts,
    int PostCount,
    int AwaitingReview,
    IReadOnlyList<UploadRow> RecentPosts,
    IReadOnlyList<Api.ApiKeySummary> ApiKeys,
    IReadOnlyList<Connect.ApiAppSummary> ApiApps);

public sealed record WorkspaceMemberRow(Guid UserId, string Name, string Email, WorkspaceRole Role, DateTime JoinedAt);

public sealed record WorkspaceInvitationRow(
    Guid Id, string Email, WorkspaceRole Role, Guid? InvitedByUserId, string? InvitedByName, DateTime CreatedAt, DateTime ExpiresAt);

public sealed record WorkspaceAccountRow(
    Guid Id, Guid? UserId, string? Username, string? DisplayName, DateTime ConnectedAt, TokenState TokenState, string? TokenProblem, int RefreshFailures,
    string? LinkedThroughApp);
