using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Connect;

/// <summary>A workspace's API apps, oldest first: for its settings, to an Owner only, and for the admin console.</summary>
public sealed class ApiAppsQuery(MidxDbContext db)
{
    public Task<IReadOnlyList<ApiAppSummary>> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        ListAsync(workspaceId, db.ApiApps.Where(a => db.WorkspacesWhere(userId, WorkspacePermission.ManageSettings).Contains(a.WorkspaceId)), cancellationToken);

    /// <summary>The apps for the console's workspace page, whose admins are no members.</summary>
    public Task<IReadOnlyList<ApiAppSummary>> ForConsoleAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        ListAsync(workspaceId, db.ApiApps, cancellationToken);

    private async Task<IReadOnlyList<ApiAppSummary>> ListAsync(Guid workspaceId, IQueryable<ApiApp> visible, CancellationToken cancellationToken) =>
        await (from a in visible.AsNoTracking()
               where a.WorkspaceId == workspaceId
               join u in db.Users.AsNoTracking() on a.CreatedByUserId equals (Guid?)u.Id into creators
               from u in creators.DefaultIfEmpty()
               orderby a.CreatedAt, a.Id
               select new ApiAppSummary(a.Id, a.Name, a.RedirectUrls, a.CreatedAt, u == null ? null : u.Name))
            .ToListAsync(cancellationToken);
}

/// <summary>An app as its workspace's settings list it. <see cref="CreatedBy"/> is null once its maker left Midx.</summary>
public sealed record ApiAppSummary(Guid Id, string Name, IReadOnlyList<string> RedirectUrls, DateTime CreatedAt, string? CreatedBy);
