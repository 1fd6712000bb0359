using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Core.Admin;

/// <summary>Everything the console shows about one user. Linked accounts carry token state, never tokens.</summary>
public sealed record UserDetail(
    Guid Id,
    string Email,
    string Name,
    string? AvatarUrl,
    bool IsAdmin,
    bool IsDisabled,
    DateTime CreatedAt,
    DateTime LastSeenAt,
    IReadOnlyList<LinkedAccountRow> Accounts,
    int UploadCount,
    IReadOnlyList<UploadRow> RecentUploads,
    IReadOnlyList<AuditRow> RecentAudit,
    IReadOnlyList<UserWorkspaceRow> Workspaces);

/// <summary>A workspace the user belongs to and their role there.</summary>
public sealed record UserWorkspaceRow(Guid WorkspaceId, string Name, bool IsPersonal, WorkspaceRole Role, DateTime JoinedAt);

public sealed record LinkedAccountRow(
    Guid Id,
    string OpenId,
    string? Username,
    string? DisplayName,
    string? AvatarUrl,
    string GrantedScopes,
    DateTime ConnectedAt,
    DateTime LastSeenAt,
    TokenState TokenState,
    string? TokenProblem,
    DateTime? AccessTokenExpiresAt,
    DateTime? RefreshTokenExpiresAt,
    DateTime? LastRefreshedAt,
    int RefreshFailures);
