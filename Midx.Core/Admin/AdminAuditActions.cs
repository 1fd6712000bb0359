namespace Midx.Core.Admin;

/// <summary>Audit action names of the console's own actions. Stable strings: the audit log filters on them.</summary>
public static class AdminAuditActions
{
    public const string GrantedAdmin = "admin.granted-admin";
    public const string RevokedAdmin = "admin.revoked-admin";
    public const string DisabledUser = "admin.disabled-user";
    public const string EnabledUser = "admin.enabled-user";
    public const string CancelledUpload = "admin.cancelled-upload";
    public const string SentWebhookAgain = "admin.sent-webhook-again";
    public const string ExportedUploads = "admin.exported-uploads";
    public const string ExportedUsers = "admin.exported-users";
    public const string ExportedAudit = "admin.exported-audit";
    public const string ExportedTokens = "admin.exported-tokens";
}
