using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Core.TikTok;

/// <summary>
/// What disconnecting each of a workspace's TikTok accounts would do to its unfinished posts, by the same rule as
/// <see cref="DisconnectTikTokAccountCommand"/>, so the accounts page can say it before the button is pressed.
/// Accounts without unfinished posts are absent.
/// </summary>
public sealed class DisconnectPreviewQuery(MidxDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, DisconnectedPosts>> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken)
    {
        var jobs = await db.PublishJobs.AsNoTracking()
            .Where(j => j.WorkspaceId == workspaceId && db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(j.WorkspaceId)
                && j.TikTokAccountId != null)
            .Unfinished()
            .Select(j => new { AccountId = j.TikTokAccountId!.Value, j.State, j.NextPollAt })
            .ToListAsync(cancellationToken);
        return jobs.GroupBy(j => j.AccountId).ToDictionary(
            g => g.Key,
            g => DisconnectedPosts.Count(g.Select(j => JobStateMachine.OnDisconnect(j.State, j.NextPollAt is not null))));
    }
}
