using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Api;

/// <summary>
/// A workspace's API keys, newest first, with their use over the last <see cref="UsageDays"/> days: for its settings, to an
/// Owner only, and for the admin console.
/// </summary>
public sealed class ApiKeysQuery(MidxDbContext db, TimeProvider time)
{
    public const int UsageDays = 7;

    public Task<IReadOnlyList<ApiKeySummary>> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        ListAsync(workspaceId, db.ApiKeys.Where(k => db.WorkspacesWhere(userId, WorkspacePermission.ManageSettings).Contains(k.WorkspaceId)), cancellationToken);

    /// <summary>The keys for the console's workspace page, whose admins are no members.</summary>
    public Task<IReadOnlyList<ApiKeySummary>> ForConsoleAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        ListAsync(workspaceId, db.ApiKeys, cancellationToken);

    private async Task<IReadOnlyList<ApiKeySummary>> ListAsync(Guid workspaceId, IQueryable<ApiKey> visible, CancellationToken cancellationToken)
    {
        var keys = await (from k in visible.AsNoTracking()
                          where k.WorkspaceId == workspaceId
                          join u in db.Users.AsNoTracking() on k.CreatedByUserId equals (Guid?)u.Id into creators
                          from u in creators.DefaultIfEmpty()
                          orderby k.CreatedAt descending, k.Id descending
                          select new { Key = k, CreatedBy = u == null ? null : u.Name })
            .ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.Key.Id).ToList();
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - UsageDays);
        var usage = (await db.ApiKeyUsage.AsNoTracking().Where(u => ids.Contains(u.KeyId) && u.Day >= since).ToListAsync(cancellationToken))
            .ToLookup(u => u.KeyId);
        return keys.Select(k => new ApiKeySummary(k.Key.Id, k.Key.Name, k.Key.Prefix, k.Key.Scopes, k.Key.CreatedAt, k.CreatedBy, k.Key.ExpiresAt,
            k.Key.LastUsedAt, k.Key.RevokedAt, k.Key.RotatedFromKeyId, usage[k.Key.Id].OrderByDescending(u => u.Day).ToList())).ToList();
    }
}

/// <summary>A key as its workspace's settings list it: never its secret or hash. <see cref="CreatedBy"/> is null once its maker left Midx.</summary>
public sealed record ApiKeySummary(
    Guid Id,
    string Name,
    string Prefix,
    ApiScope Scopes,
    DateTime CreatedAt,
    string? CreatedBy,
    DateTime? ExpiresAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    Guid? RotatedFromKeyId,
    IReadOnlyList<ApiKeyUsage> Usage)
{
    public bool IsActive(DateTime now) => ApiKey.IsActive(RevokedAt, ExpiresAt, now);
}
