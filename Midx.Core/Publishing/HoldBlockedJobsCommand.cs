using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// Due jobs the worker may not run are held, not failed: their account needs reconnecting or their user is disabled.
/// Each held job gets one plain note (kept on the job as its code and message, so the pages show why it waits);
/// it goes on by itself once the account is reconnected or the user enabled again.
/// </summary>
public sealed class HoldBlockedJobsCommand(MidxDbContext db, ApplyJobChangeCommand apply, TimeProvider time)
{
    private const int BatchSize = 50;

    /// <summary>How far ahead a scheduled post whose account needs reconnecting is flagged (privacy promise 6, listed on /privacy).</summary>
    public static readonly TimeSpan WarningLead = TimeSpan.FromHours(24);

    /// <summary>Notes newly held jobs, and scheduled ones that would be held when their time comes; returns how many.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var soon = now + WarningLead;
        var held = await NoteBlockedAsync(db.PublishJobs.Due(now), upcoming: false, cancellationToken);
        held += await NoteBlockedAsync(
            db.PublishJobs.Where(j => j.State == JobState.Scheduled && j.ScheduledAt > now && j.ScheduledAt <= soon), upcoming: true, cancellationToken);
        return held;
    }

    private async Task<int> NoteBlockedAsync(IQueryable<PublishJob> candidates, bool upcoming, CancellationToken cancellationToken)
    {
        // Oldest first, so a batch limit never starves a job; the id breaks ties so every run sees the same order.
        var blocked = await candidates
            .Where(j => j.ErrorCode != ErrorCatalog.HeldAccountNeedsReconnect.Value && j.ErrorCode != ErrorCatalog.HeldUserDisabled.Value)
            .Join(db.Users, j => j.UserId, u => u.Id, (j, u) => new { Job = j, UserDisabled = u.IsDisabled })
            .LeftJoin(db.TikTokAccounts, x => x.Job.TikTokAccountId, a => a.Id, (x, a) => new
            {
                x.Job,
                x.UserDisabled,
                TokenState = a == null ? (TokenState?)null : a.TokenState,
                Username = a == null ? null : a.Username,
            })
            .Where(x => x.UserDisabled || x.TokenState != TokenState.Active)
            .OrderBy(x => x.Job.CreatedAt)
            .ThenBy(x => x.Job.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var held = 0;
        foreach (var item in blocked)
        {
            var prefix = upcoming ? "Needs you before its time: " : "On hold: ";
            var (code, message) = item.UserDisabled
                ? (ErrorCatalog.HeldUserDisabled,
                    prefix + "this Midx account is disabled, so nothing is sent to TikTok. It goes on if the account is enabled again.")
                : (ErrorCatalog.HeldAccountNeedsReconnect,
                    prefix + $"TikTok no longer accepts Midx's access to @{item.Username ?? "this account"}. "
                    + "Reconnect the account on the Accounts page and this post goes on by itself.");
            if (await apply.NoteAsync(item.Job, message, code, keepOnJob: true, cancellationToken) is not null)
            {
                held++;
            }
        }

        return held;
    }
}
