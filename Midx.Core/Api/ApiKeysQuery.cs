using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Api;

/// <summary>A workspace's API keys for its settings, newest first, with their use over the last <see cref="UsageDays"/> days; for an Owner only.</summary>
public sealed class ApiKeysQuery(MidxDbContext db, TimeProvider time)
{
    public const int UsageDays = 7;

    public async Task<IReadOnlyList<ApiKeySummary>> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken)
    {
        var keys = await (from k in db.ApiKeys.AsNoTracking()
                          where k.WorkspaceId == workspaceId && db.WorkspacesWhere(userId, WorkspacePermission.ManageSettings).Contains(k.WorkspaceId)
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
    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
