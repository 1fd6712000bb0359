using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Core.Api;

/// <summary>
/// A workspace's posts for its API keys: newest first, filtered and paged by an opaque cursor in the database (keyset
/// order CreatedAt, Id, so a page never repeats or skips a post that arrived meanwhile), and one post with its history.
/// </summary>
public sealed class ApiPostsQuery(MidxDbContext db)
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 100;

    public async Task<ApiPostsPage> ListAsync(Guid workspaceId, ApiPostsFilter filter, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(filter.Limit ?? DefaultLimit, 1, MaxLimit);
        var jobs = db.PublishJobs.AsNoTracking().Where(j => j.WorkspaceId == workspaceId);
        if (filter.State is { } state)
        {
            jobs = jobs.Where(j => j.State == state);
        }

        if (filter.AccountId is { } accountId)
        {
            jobs = jobs.Where(j => j.TikTokAccountId == accountId);
        }

        if (filter.After is { } after)
        {
            jobs = jobs.Where(j => j.CreatedAt < after.At || (j.CreatedAt == after.At && j.Id.CompareTo(after.Id) < 0));
        }

        var rows = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(j => j.WithoutWorkerSecrets()).ToList();
        return new ApiPostsPage(page, rows.Count > limit ? new KeysetCursor(page[^1].CreatedAt, page[^1].Id) : null);
    }

    /// <summary>The post and its history, or null when the workspace has no such post.</summary>
    public async Task<(PublishJob Job, IReadOnlyList<PublishEvent> Events)?> FindAsync(Guid workspaceId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.PublishJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.WorkspaceId == workspaceId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var events = await db.PublishEvents.AsNoTracking().Where(e => e.JobId == job.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return (job.WithoutWorkerSecrets(), events);
    }
}

/// <summary>Which posts a list asks for. <see cref="After"/>: the place a previous page ended (from its cursor).</summary>
public sealed record ApiPostsFilter(JobState? State = null, Guid? AccountId = null, int? Limit = null, KeysetCursor? After = null);

/// <summary>One page of posts, and the cursor of the next page (null on the last).</summary>
public sealed record ApiPostsPage(IReadOnlyList<PublishJob> Posts, KeysetCursor? Next);
