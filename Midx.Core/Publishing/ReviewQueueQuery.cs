using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// A workspace's posts awaiting review, oldest first, for a member who may approve there; for anyone else it is empty,
/// so the queue and its badge never show a post to someone who could not act on it.
/// </summary>
public sealed class ReviewQueueQuery(MidxDbContext db)
{
    /// <summary>How many the queue page lists at once; the badge counts them all.</summary>
    public const int PageSize = 50;

    public async Task<IReadOnlyList<ReviewQueueEntry>> ExecuteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        await (from j in Waiting(userId, workspaceId)
               join a in db.TikTokAccounts.AsNoTracking() on j.TikTokAccountId equals a.Id into accounts
               from a in accounts.DefaultIfEmpty()
               join u in db.Users.AsNoTracking() on j.UserId equals u.Id into composers
               from u in composers.DefaultIfEmpty()
               join k in db.ApiKeys.AsNoTracking() on j.ApiKeyId equals k.Id into keys
               from k in keys.DefaultIfEmpty()
               orderby j.CreatedAt, j.Id
               select new ReviewQueueEntry(j.Id, j.Caption, j.Mode, j.FileName, j.ScheduledAt, j.UpdatedAt,
                   a == null ? null : a.Username, u == null ? null : u.Name, k == null ? null : k.Name))
            .Take(PageSize)
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        Waiting(userId, workspaceId).CountAsync(cancellationToken);

    private IQueryable<PublishJob> Waiting(Guid userId, Guid workspaceId) =>
        db.PublishJobs.AsNoTracking().Where(j => j.WorkspaceId == workspaceId && j.State == JobState.AwaitingReview
            && db.WorkspacesWhere(userId, WorkspacePermission.Approve).Contains(j.WorkspaceId));
}

/// <summary>
/// One post in the review queue. <see cref="ComposerName"/> is null once its composer left Midx; a post an API key sent
/// names the key (<see cref="ApiKeyName"/>) instead.
/// <see cref="ScheduledAt"/> in the past: its time passed while it waited, and approving it asks for a new one.
/// </summary>
public sealed record ReviewQueueEntry(
    Guid JobId,
    string Caption,
    PublishMode Mode,
    string? FileName,
    DateTime? ScheduledAt,
    DateTime UpdatedAt,
    string? Username,
    string? ComposerName,
    string? ApiKeyName)
{
    /// <summary>Who sent it for review, as the queue says it; null once its composer left Midx.</summary>
    public string? SentBy => ApiKeyName is { } key ? PublishReview.ApiKeyName(key) : ComposerName;
}
