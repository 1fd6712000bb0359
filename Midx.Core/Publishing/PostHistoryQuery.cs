using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Publishing;

/// <summary>Which of a person's posts the history shows.</summary>
public enum PostHistoryStates
{
    All,
    InProgress,
    Scheduled,
    InInbox,
    Published,
    Failed,
    Cancelled,
}

/// <summary>The history's filters and page; null filters show every account and both modes.</summary>
public sealed record PostHistoryFilter(PostHistoryStates States, Guid? AccountId, PublishMode? Mode, int Page);

/// <summary>
/// One page of a person's posts, newest first, with what each row needs besides the job: whether a failed post was
/// retried already, and the names of accounts that were disconnected since (from the posts' consent records).
/// </summary>
public sealed record PostHistoryPage(
    IReadOnlyList<PublishJob> Jobs,
    bool HasMore,
    IReadOnlySet<Guid> Retried,
    IReadOnlyDictionary<Guid, (string? Username, string Nickname)> Disconnected);

/// <summary>A person's posts for the history page, filtered and paged in the database.</summary>
public sealed class PostHistoryQuery(MidxDbContext db)
{
    public const int PageSize = 20;

    public async Task<PostHistoryPage> ExecuteAsync(Guid userId, PostHistoryFilter filter, CancellationToken cancellationToken)
    {
        var jobs = db.PublishJobs.AsNoTracking().Where(j => j.UserId == userId);
        jobs = filter.States switch
        {
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

        var rows = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(PageSize).ToList();

        var retryKeys = page.Where(j => j.State == JobState.Failed).Select(j => RetryPublishJobCommand.SubmissionKeyFor(j.Id)).ToList();
        var retried = await db.PublishJobs.AsNoTracking()
            .Where(j => j.UserId == userId && retryKeys.Contains(j.SubmissionKey) && j.RetryOfJobId != null)
            .Select(j => j.RetryOfJobId!.Value).ToListAsync(cancellationToken);

        var orphans = page.Where(j => j.TikTokAccountId is null).Select(j => j.Id).ToList();
        var disconnected = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == userId && orphans.Contains(c.JobId))
            .ToDictionaryAsync(c => c.JobId, c => (c.CreatorUsername, c.CreatorNickname), cancellationToken);

        return new PostHistoryPage(page, rows.Count > PageSize, retried.ToHashSet(), disconnected);
    }
}
