using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Connect;

/// <summary>
/// An Owner makes and deletes a workspace's API apps and adds and removes their redirect URLs (they are its settings);
/// every change is audited. Deleting an app deletes its connect links, so none of them can send anyone anywhere again.
/// </summary>
public sealed class ApiAppCommands(MidxDbContext db, AuditLog audit, TimeProvider time)
{
    public const string NotAllowedMessage = "Only an Owner of this workspace can manage its API apps.";

    public const string NameRequired = "Give the app the name your users know it by: Midx shows it to them.";

    public static readonly string NameTooLong = $"An app's name can be at most {ApiApp.MaxNameLength} characters.";

    public const string NoSuchApp = "There is no such app in this workspace.";

    public const string AlreadyRegistered = "This redirect URL is registered already.";

    public static readonly string TooManyUrls = $"An app can have at most {ApiApp.MaxRedirectUrls} redirect URLs.";

    public const string NoSuchUrl = "This redirect URL is not registered for the app.";

    public async Task<WorkspaceActionResult> CreateAsync(Guid userId, Guid workspaceId, string? name, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await FindAsync(userId, workspaceId, cancellationToken);
        if (workspace is null)
        {
            return refusal!;
        }

        var trimmed = name?.Trim();
        var problem = trimmed switch
        {
            null or "" => NameRequired,
            { Length: > ApiApp.MaxNameLength } => NameTooLong,
            _ => null,
        };
        if (problem is not null)
        {
            return WorkspaceActionResult.Refused(problem);
        }

        var app = new ApiApp { WorkspaceId = workspace.Id, Name = trimmed!, CreatedByUserId = userId, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.ApiApps.Add(app);
        audit.Add(ConnectAuditActions.AppCreated, userId, userId, $"API app {app.Id} \"{app.Name}\" in workspace {workspace.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"App \"{app.Name}\" created. Add the redirect URLs Midx may send your users back to.");
    }

    public async Task<WorkspaceActionResult> AddRedirectUrlAsync(Guid userId, Guid workspaceId, Guid appId, string? url, CancellationToken cancellationToken)
    {
        var (app, refusal) = await FindAppAsync(userId, workspaceId, appId, cancellationToken);
        if (app is null)
        {
            return refusal!;
        }

        var trimmed = url?.Trim() ?? "";
        var problem = ApiAppRedirectUrl.Problem(trimmed)
            ?? (app.RedirectUrls.Contains(trimmed) ? AlreadyRegistered : app.RedirectUrls.Count >= ApiApp.MaxRedirectUrls ? TooManyUrls : null);
        if (problem is not null)
        {
            return WorkspaceActionResult.Refused(problem);
        }

        app.RedirectUrls = [.. app.RedirectUrls, trimmed];
        audit.Add(ConnectAuditActions.AppRedirectUrlAdded, userId, userId, $"API app {app.Id}: {trimmed}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"Midx may now send people back to {trimmed}.");
    }

    public async Task<WorkspaceActionResult> RemoveRedirectUrlAsync(Guid userId, Guid workspaceId, Guid appId, string url, CancellationToken cancellationToken)
    {
        var (app, refusal) = await FindAppAsync(userId, workspaceId, appId, cancellationToken);
        if (app is null)
        {
            return refusal!;
        }

        if (!app.RedirectUrls.Contains(url))
        {
            return WorkspaceActionResult.Refused(NoSuchUrl);
        }

        app.RedirectUrls = app.RedirectUrls.Where(u => u != url).ToList();
        audit.Add(ConnectAuditActions.AppRedirectUrlRemoved, userId, userId, $"API app {app.Id}: {url}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"Midx no longer sends anyone to {url}, also not from links made before.");
    }

    public async Task<WorkspaceActionResult> DeleteAsync(Guid userId, Guid workspaceId, Guid appId, CancellationToken cancellationToken)
    {
        var (app, refusal) = await FindAppAsync(userId, workspaceId, appId, cancellationToken);
        if (app is null)
        {
            return refusal!;
        }

        db.ApiApps.Remove(app);
        audit.Add(ConnectAuditActions.AppDeleted, userId, userId, $"API app {app.Id} \"{app.Name}\" in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceActionResult.Done($"App \"{app.Name}\" deleted, with its connect links. Accounts linked through it stay in the workspace.");
    }

    private static readonly WorkspaceActionResult NotAllowed = new(WorkspaceActionOutcome.NotAllowed, NotAllowedMessage);

    private Task<(Workspace? Workspace, WorkspaceActionResult? Refusal)> FindAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        db.FindWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings, NotAllowed, cancellationToken);

    private Task<(ApiApp? App, WorkspaceActionResult? Refusal)> FindAppAsync(Guid userId, Guid workspaceId, Guid appId, CancellationToken cancellationToken) =>
        db.FindItemWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings, NotAllowed,
            db.ApiApps.Where(a => a.Id == appId && a.WorkspaceId == workspaceId), NoSuchApp, cancellationToken);
}
