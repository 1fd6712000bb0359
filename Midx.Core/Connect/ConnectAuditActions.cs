namespace Midx.Core.Connect;

/// <summary>The audit log's names for API apps and hosted connect links.</summary>
public static class ConnectAuditActions
{
    public const string AppCreated = "api-app.created";
    public const string AppRedirectUrlAdded = "api-app.redirect-url-added";
    public const string AppRedirectUrlRemoved = "api-app.redirect-url-removed";
    public const string AppDeleted = "api-app.deleted";
    public const string LinkCreated = "connect-link.created";
    public const string LinkUsed = "connect-link.used";
}
