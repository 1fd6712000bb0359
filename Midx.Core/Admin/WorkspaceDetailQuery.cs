using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>One workspace with its members, pending invitations, linked accounts and latest posts; null when there is no such workspace.</summary>
public sealed class WorkspaceDetailQuery(MidxDbContext db, UploadListQuery uploads, Api.ApiKeysQuery keys, Connect.ApiAppsQuery apps, TimeProvider time)
{
    public const int RecentLimit = 5;

    public async Task<WorkspaceDetail?> ExecuteAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == workspaceId)
            .Select(w => new { w.Id, w.Name, w.IsPersonal, w.InboxDraftsOnly, w.RequiresReview, w.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (workspace is null)
        {
            return null;
        }

        var members = (await (from m in db.WorkspaceMembers.AsNoTracking()
                              join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                              where m.WorkspaceId == workspaceId
                              select new WorkspaceMemberRow(u.Id, u.Name, u.Email, m.Role, m.JoinedAt))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
            .ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var invitations = await (from i in db.WorkspaceInvitations.AsNoTracking()
                                 where i.WorkspaceId == workspaceId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                                 join u in db.Users on i.InvitedByUserId equals (Guid?)u.Id into inviters
                                 from u in inviters.DefaultIfEmpty()
                                 orderby i.CreatedAt descending
                                 select new WorkspaceInvitationRow(
                                     i.Id, i.Email, i.Role, i.InvitedByUserId, u == null ? null : u.Name, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);

        var accounts = await db.TikTokAccounts.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId)
            .OrderBy(a => a.ConnectedAt)
            .Select(a => new WorkspaceAccountRow(
                a.Id, a.UserId, a.Username, a.DisplayName, a.ConnectedAt, a.TokenState, a.TokenProblem, a.RefreshFailures, a.LinkedThroughApp))
            .ToListAsync(cancellationToken);

        var postCount = await db.PublishJobs.CountAsync(j => j.WorkspaceId == workspaceId, cancellationToken);
        var awaitingReview = await db.PublishJobs.CountAsync(j => j.WorkspaceId == workspaceId && j.State == Publishing.JobState.AwaitingReview, cancellationToken);
        var recent = await uploads.ExecuteAsync(new UploadFilter { WorkspaceId = workspaceId }, null, RecentLimit, cancellationToken);

        var apiKeys = await keys.ForConsoleAsync(workspaceId, cancellationToken);
        var apiApps = await apps.ForConsoleAsync(workspaceId, cancellationToken);
        return new WorkspaceDetail(
            workspace.Id, workspace.Name, workspace.IsPersonal, workspace.InboxDraftsOnly, workspace.RequiresReview, workspace.CreatedAt,
            members, invitations, accounts, postCount, awaitingReview, recent.Rows, apiKeys, apiApps);
    }
}
