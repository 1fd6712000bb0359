using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>One upload with its consent record and status timeline; null when there is no such upload.</summary>
public sealed class UploadDetailQuery(MidxDbContext db)
{
    public async Task<UploadDetail?> ExecuteAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await (
                from j in db.PublishJobs.AsNoTracking()
                where j.Id == jobId
                join u in db.Users on j.UserId equals u.Id into owners
                from u in owners.DefaultIfEmpty()
                join a in db.TikTokAccounts on j.TikTokAccountId equals (Guid?)a.Id into linked
                from a in linked.DefaultIfEmpty()
                select new
                {
                    Row = new UploadRow(
                        j.Id, j.CreatedAt, j.UserId, u == null ? null : u.Email, j.TikTokAccountId,
                        a == null ? db.ConsentRecords.Where(c => c.JobId == j.Id).Select(c => c.CreatorUsername).FirstOrDefault() : a.Username,
                        j.Mode, j.Source, j.State, j.FileName, j.FileSize, j.PrivacyLevel, j.ScheduledAt, j.UpdatedAt,
                        j.CompletedAt, j.PublishId, j.ErrorCode, j.ErrorMessage, j.ErrorLogId),
                    DisplayName = a == null ? db.ConsentRecords.Where(c => c.JobId == j.Id).Select(c => c.CreatorNickname).FirstOrDefault() : a.DisplayName,
                    j.SourceUrl, j.MimeType, j.DurationMs, j.Caption, j.DisableComment, j.DisableDuet, j.DisableStitch,
                    j.CoverTimestampMs, j.BrandContentToggle, j.BrandOrganicToggle, j.IsAigc, j.BytesUploaded,
                    j.TikTokStatus, j.PublicPostId, j.RetryOfJobId,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        var consent = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.JobId == jobId)
            .Select(c => new ConsentView(c.AgreedAt, c.CreatorNickname, c.CreatorUsername, c.DeclarationText, c.ShownJson))
            .SingleOrDefaultAsync(cancellationToken);

        var events = await db.PublishEvents.AsNoTracking()
            .Where(e => e.JobId == jobId)
            .OrderBy(e => e.At)
            .Select(e => new { e.At, e.State, e.TikTokStatus, e.BytesUploaded, e.Message, e.ErrorCode, e.LogId })
            .ToListAsync(cancellationToken);
        var timeline = events
            .Select((e, i) => new TimelineStep(
                e.At, e.State, e.TikTokStatus, e.BytesUploaded, e.Message, e.ErrorCode, e.LogId,
                i + 1 < events.Count ? events[i + 1].At - e.At : null))
            .ToList();

        return new UploadDetail(
            job.Row, job.DisplayName, job.SourceUrl, job.MimeType, job.DurationMs, job.Caption, job.DisableComment,
            job.DisableDuet, job.DisableStitch, job.CoverTimestampMs, job.BrandContentToggle, job.BrandOrganicToggle,
            job.IsAigc, job.BytesUploaded, job.TikTokStatus, job.PublicPostId, job.RetryOfJobId, consent, timeline);
    }
}
