namespace Midx.Core.Admin;

/// <summary>The names written to <see cref="AuditEvent.Action"/>. Stable strings: the console filters on them.</summary>
public static class AuditActions
{
    public const string SignedIn = "account.signed-in";
    public const string SignedOut = "account.signed-out";
    public const string SignInRefused = "account.sign-in-refused";
    public const string AccountDeleted = "account.deleted";
    public const string KeysRevoked = "security.keys-revoked";
    public const string WorkspaceCreated = "workspace.created";
    public const string WorkspaceSettingsChanged = "workspace.settings-changed";
    public const string WorkspaceMemberInvited = "workspace.member-invited";
    public const string WorkspaceInvitationRevoked = "workspace.invitation-revoked";
    public const string WorkspaceInvitationAccepted = "workspace.invitation-accepted";
    public const string WorkspaceRoleChanged = "workspace.role-changed";
    public const string WorkspaceMemberRemoved = "workspace.member-removed";
    public const string WorkspaceMemberLeft = "workspace.member-left";
    public const string PostApproved = "post.approved";
    public const string PostSentBack = "post.sent-back";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string ApiKeyRotated = "api-key.rotated";
}
