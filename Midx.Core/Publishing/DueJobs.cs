using System.Linq.Expressions;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// The one definition of "this job has work to do now", shared by the claim, the hold notes and the queue depth:
/// a scheduled job whose time has come, a queued or in-flight job whose next attempt is due, an inbox draft or a
/// public post still being watched (for the user's post, for TikTok's post id); never one another worker holds a live lease on,
/// and never one whose account was disconnected (without a token nothing can be done for it; the disconnect settled it).
/// </summary>
internal static class DueJobs
{
    public static IQueryable<PublishJob> Due(this IQueryable<PublishJob> jobs, DateTime now) => jobs.Where(j =>
        j.TikTokAccountId != null
        && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now)
        && ((j.State == JobState.Scheduled && (j.ScheduledAt == null || j.ScheduledAt <= now))
            || ((j.State == JobState.Queued || j.State == JobState.Initializing || j.State == JobState.Uploading || j.State == JobState.Processing)
                && (j.NextPollAt == null || j.NextPollAt <= now))
            || ((j.State == JobState.SentToInbox || (j.State == JobState.Published && j.PublicPostId == null))
                && j.NextPollAt != null && j.NextPollAt <= now)));

    /// <summary>Since when a due job has been waiting: its next attempt, else its scheduled time, else its creation. The oldest is claimed first.</summary>
    public static readonly Expression<Func<PublishJob, DateTime>> DueSince = j => j.NextPollAt ?? j.ScheduledAt ?? j.CreatedAt;

    /// <summary>
    /// Due jobs the worker may run: the account has a working grant and the user who composed it is not disabled. A post
    /// whose composer left Midx belongs to its shared workspace and still goes (a Publisher may approve it after they left).
    /// </summary>
    public static IQueryable<PublishJob> Runnable(this IQueryable<PublishJob> jobs, MidxDbContext db) => jobs.Where(j =>
        db.TikTokAccounts.Any(a => a.Id == j.TikTokAccountId && a.TokenState == TokenState.Active)
        && (j.UserId == null || db.Users.Any(u => u.Id == j.UserId && !u.IsDisabled)));
}
