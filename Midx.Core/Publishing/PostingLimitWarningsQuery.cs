using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// Warnings for the compose page before one of TikTok's limits bites; TikTok has no way to ask how much is left, so
/// they are counted from Midx's own journal of the account's jobs: inits in the last minute (6 per minute), posts in
/// the last 24 hours (TikTok's cap is "typically around 15" per creator, shared with other apps, so Midx only sees its
/// own share: https://developers.tiktok.com/doc/content-sharing-guidelines), and inbox drafts still waiting for the
/// creator (at most 5 pending within 24 hours). Only the owner's account.
/// </summary>
public sealed class PostingLimitWarningsQuery(MidxDbContext db, TimeProvider time)
{
    public const int InitsPerMinute = 6;
    public const int DailyPostCap = 15;
    public const int PendingInboxCap = 5;

    /// <summary>Posts left under the daily cap at which the page starts warning.</summary>
    public const int DailyPostWarningMargin = 3;

    public async Task<IReadOnlyList<PostingLimitWarning>> ExecuteAsync(Guid userId, Guid tikTokAccountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var minuteAgo = now.AddMinutes(-1);
        var dayAgo = now.AddHours(-24);
        // TikTok's limits count the creator's posts, whoever in the workspace composed them.
        var jobs = db.PublishJobs.AsNoTracking().Where(j => j.TikTokAccountId == tikTokAccountId
            && db.WorkspacesWhere(userId, WorkspacePermission.View).Contains(j.WorkspaceId));

        var initsLastMinute = await jobs.CountAsync(j => j.InitStartedAt > minuteAgo, cancellationToken);
        // A post counts once TikTok accepted its init (or while it waits to be sent), unless it failed before TikTok had it.
        var postsLastDay = await jobs.CountAsync(j => j.Mode == PublishMode.Direct
            && ((j.InitStartedAt > dayAgo && j.PublishId != null && j.State != JobState.Cancelled)
                || j.State == JobState.Queued || j.State == JobState.Initializing), cancellationToken);
        var pendingDrafts = await jobs.CountAsync(j => j.Mode == PublishMode.Inbox && j.InitStartedAt > dayAgo && j.PublishId != null
            && (j.State == JobState.Uploading || j.State == JobState.Processing || j.State == JobState.SentToInbox), cancellationToken);

        var warnings = new List<PostingLimitWarning>();
        if (initsLastMinute >= InitsPerMinute - 1)
        {
            warnings.Add(new PostingLimitWarning(PostingLimit.InitsPerMinute, initsLastMinute, InitsPerMinute,
                $"{initsLastMinute} posts were started on this account in the last minute and TikTok allows {InitsPerMinute}. "
                + "Midx spaces the next ones out, so they may start a minute later."));
        }

        if (postsLastDay >= DailyPostCap - DailyPostWarningMargin)
        {
            warnings.Add(new PostingLimitWarning(PostingLimit.DailyPosts, postsLastDay, DailyPostCap,
                postsLastDay >= DailyPostCap
                    ? $"This account has made {postsLastDay} posts through Midx in the last 24 hours. TikTok usually stops apps at about {DailyPostCap} a day, so this post is likely to be refused until tomorrow."
                    : $"This account has made {postsLastDay} posts through Midx in the last 24 hours. TikTok usually stops apps at about {DailyPostCap} a day (posts from other apps count too)."));
        }

        if (pendingDrafts >= PendingInboxCap)
        {
            warnings.Add(new PostingLimitWarning(PostingLimit.PendingInboxDrafts, pendingDrafts, PendingInboxCap,
                $"{pendingDrafts} drafts sent in the last 24 hours are still waiting in this account's TikTok inbox, and TikTok refuses new drafts at {PendingInboxCap}. "
                + "Open TikTok and post or delete some of them first."));
        }

        return warnings;
    }
}

/// <summary>One limit that is close or reached: what it is, how far along the account is, and what to tell the creator.</summary>
public sealed record PostingLimitWarning(PostingLimit Limit, int Count, int Cap, string Message);

public enum PostingLimit
{
    InitsPerMinute,
    DailyPosts,
    PendingInboxDrafts,
}
