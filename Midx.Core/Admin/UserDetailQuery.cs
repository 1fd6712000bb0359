using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>One user's profile, linked accounts, workspaces, latest uploads and latest audit events; null when there is no such user.</summary>
public sealed class UserDetailQuery(MidxDbContext db, UploadListQuery uploads, AuditLogQuery audit)
{
    public const int RecentLimit = 20;

    public async Task<UserDetail?> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.Name, u.AvatarUrl, u.IsAdmin, u.IsDisabled, u.CreatedAt, u.LastSeenAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var accounts = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.ConnectedAt)
            .Select(a => new LinkedAccountRow(
                a.Id, a.OpenId, a.Username, a.DisplayName, a.AvatarUrl, a.GrantedScopes, a.ConnectedAt, a.LastSeenAt,
                a.TokenState, a.TokenProblem, a.AccessTokenExpiresAt, a.RefreshTokenExpiresAt, a.LastRefreshedAt,
                a.RefreshFailures))
            .ToListAsync(cancellationToken);

        var uploadCount = await db.PublishJobs.CountAsync(j => j.UserId == userId, cancellationToken);
        var recentUploads = await uploads.ExecuteAsync(new UploadFilter { UserId = userId }, null, RecentLimit, cancellationToken);
        var recentAudit = await audit.ExecuteAsync(new AuditFilter { UserId = userId }, null, RecentLimit, cancellationToken);

        var workspaces = (await (from m in db.WorkspaceMembers.AsNoTracking()
                                 join w in db.Workspaces.AsNoTracking() on m.WorkspaceId equals w.Id
                                 where m.UserId == userId
                                 select new UserWorkspaceRow(w.Id, w.Name, w.IsPersonal, m.Role, m.JoinedAt))
                .ToListAsync(cancellationToken))
            .OrderByDescending(w => w.IsPersonal).ThenBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(w => w.WorkspaceId)
            .ToList();

        return new UserDetail(
            user.Id, user.Email, user.Name, user.AvatarUrl, user.IsAdmin, user.IsDisabled, user.CreatedAt, user.LastSeenAt,
            accounts, uploadCount, recentUploads.Rows, recentAudit.Rows, workspaces);
    }
}
