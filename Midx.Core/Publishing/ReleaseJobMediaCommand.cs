using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Data;

namespace Midx.Core.Publishing;

/// <summary>
/// Deletes a job's video file once nothing needs it any more (privacy promise 7, listed on /privacy): TikTok has it, or the job was
/// cancelled. A file another unfinished job still points at (a retry) is kept for that job. A failed job's file is
/// kept for a retry until the sweeper's maximum age, unless its TikTok account was disconnected: then no retry is possible.
/// </summary>
public sealed class ReleaseJobMediaCommand(MidxDbContext db, MediaStore media, ILogger<ReleaseJobMediaCommand> logger)
{
    public async Task<bool> ExecuteAsync(PublishJob job, CancellationToken cancellationToken)
    {
        var noLongerNeeded = JobStateMachine.TikTokHasVideo(job.State) || job.State == JobState.Cancelled
            || (job.State == JobState.Failed && job.TikTokAccountId is null);
        if (job.MediaPath is null || !noLongerNeeded)
        {
            return false;
        }

        var path = job.MediaPath;
        var stillNeeded = await db.PublishJobs.AsNoTracking().AnyAsync(j => j.Id != job.Id && j.MediaPath == path
            && (j.State == JobState.AwaitingReview || j.State == JobState.ChangesRequested || j.State == JobState.Scheduled || j.State == JobState.Queued || j.State == JobState.Initializing || j.State == JobState.Uploading),
            cancellationToken);
        if (stillNeeded)
        {
            return false;
        }

        var deleted = media.DeleteFile(path);
        if (deleted)
        {
            logger.LogInformation("Deleted the video file of job {JobId} ({State})", job.Id, job.State);
        }

        return deleted;
    }
}
