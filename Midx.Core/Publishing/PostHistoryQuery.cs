using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>Which of a person's posts the history shows.</summary>
public enum PostHistoryStates
{
    All,
    InReview,
    InProgress,
    Scheduled,
    InInbox,
    Published,
    Failed,
    Cancelled,
}

/// <summary>
/// The history's filters and page; null filters show every account, both modes and all dates. The dates bound when the
/// post was asked for: from <paramref name="CreatedFrom"/> on, before <paramref name="CreatedBefore"/> (UTC instants, so
/// the page turns the reader's local days into them).
/// </summary>
public sealed record PostHistoryFilter(
    PostHistoryStates States,
    Guid? AccountId,
    PublishMode? Mode,
    int Page,
    DateTime? CreatedFrom = null,
    DateTime? CreatedBefore = null);

/// <summary>
/// One page of a person's posts, newest first, with what each row needs besides the job: whether a failed post was
/// retried already, the names of accounts that were disconnected since (from the posts' consent records), and which
/// failed posts no longer have their video (<see cref="RetryPublishJobCommand.VideoKept"/>), so cannot be retried.
/// <paramref name="Total"/> counts every post the filters match, on all pages.
/// </summary>
public sealed record PostHistoryPage(
    IReadOnlyList<PublishJob> Jobs,
    int Total,
    IReadOnlyCollection<Guid> Retried,
    IReadOnlyDictionary<Guid, DisconnectedAccount> Disconnected,
    IReadOnlyCollection<Guid> VideoGone);

/// <summary>How a post's consent record names an account that was disconnected since.</summary>
public sealed record DisconnectedAccount(string? Username, string Nickname);

/// <summary>A workspace's posts for the history page of one of its members, filtered and paged in the database.</summary>
public sealed class PostHistoryQuery(MidxDbContext db)
{
    public const int PageSize = 20;

    public async Task<PostHistoryPage> ExecuteAsync(Guid userId, Guid workspaceId, PostHistoryFilter filter, CancellationToken cancellationToken)
    {
        var visible = db.PublishJobs.AsNoTracking()
            .Where(j => j.WorkspaceId == workspaceId && db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(j.WorkspaceId));
        var jobs = visible;
        jobs = filter.States switch
        {
            PostHistoryStates.InReview => jobs.Where(j => j.State == JobState.AwaitingReview || j.State == JobState.ChangesRequested),
            PostHistoryStates.InProgress => jobs.Where(j => j.State == JobState.Queued || j.State == JobState.Initializing
                || j.State == JobState.Uploading || j.State == JobState.Processing),
            PostHistoryStates.Scheduled => jobs.Where(j => j.State == JobState.Scheduled),
            PostHistoryStates.InInbox => jobs.Where(j => j.State == JobState.SentToInbox),
            PostHistoryStates.Published => jobs.Where(j => j.State == JobState.Published),
            PostHistoryStates.Failed => jobs.Where(j => j.State == JobState.Failed),
            PostHistoryStates.Cancelled => jobs.Where(j => j.State == JobState.Cancelled),
            _ => jobs,
        };
        if (filter.AccountId is { } accountId)
        {
            jobs = jobs.Where(j => j.TikTokAccountId == accountId);
        }

        if (filter.Mode is { } mode)
        {
            jobs = jobs.Where(j => j.Mode == mode);
        }

        if (filter.CreatedFrom is { } from)
        {
            jobs = jobs.Where(j => j.CreatedAt >= from);
        }

        if (filter.CreatedBefore is { } before)
        {
            jobs = jobs.Where(j => j.CreatedAt < before);
        }

        var total = await jobs.CountAsync(cancellationToken);
        var page = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var videoGone = page.Where(j => j.State == JobState.Failed && !RetryPublishJobCommand.VideoKept(j)).Select(j => j.Id).ToList();
        page.ForEach(j => j.WithoutWorkerSecrets());

        var retryKeys = page.Where(j => j.State == JobState.Failed).Select(j => RetryPublishJobCommand.SubmissionKeyFor(j.Id)).ToList();
        var retried = await visible
            .Where(j => retryKeys.Contains(j.SubmissionKey) && j.RetryOfJobId != null)
            .Select(j => j.RetryOfJobId!.Value).ToListAsync(cancellationToken);

        var orphans = page.Where(j => j.TikTokAccountId is null).Select(j => j.Id).ToList();
        var disconnected = await db.ConsentRecords.AsNoTracking().Where(c => orphans.Contains(c.JobId))
            .ToDictionaryAsync(c => c.JobId, c => new DisconnectedAccount(c.CreatorUsername, c.CreatorNickname), cancellationToken);

        return new PostHistoryPage(page, total, retried, disconnected, videoGone);
    }
}
