using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Tests.Data;

/// <summary>
/// Jobs saved before ApplyJobChangeCommand dropped spent upload_urls, one in every state with an upload_url, migrated
/// on either provider: the jobs that are over or whose video TikTok has lose it, the others (a resumable upload) keep it.
/// The states are listed here, not read from JobStateMachine, because the migration wrote them out as they were.
/// </summary>
internal static class SpentUploadUrlMigration
{
    private const string MigrationBefore = "20261202065831_WorkerHeartbeatInterval";
    private const string UploadUrl = "https://open-upload.tiktokapis.com/video/?upload_id=1&upload_token=t";

    public static async Task AssertOnAsync(Func<MidxDbContext> newContext)
    {
        var now = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = newContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore);
            var user = new User { GoogleSubject = "sub-upload-url", Email = "upload-url@example.test", Name = "Upload", CreatedAt = now, LastSeenAt = now };
            await RowsBeforeWorkspaces.InsertAsync(db, user);
            await RowsBeforeWorkspaces.InsertAsync(db, Enum.GetValues<JobState>().Select(state => new PublishJob
            {
                UserId = user.Id, SubmissionKey = "key-" + state, State = state, UploadUrl = UploadUrl, CreatedAt = now, UpdatedAt = now,
            }).ToArray());
        }

        await using (var db = newContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var check = newContext();
        var saved = await check.PublishJobs.ToDictionaryAsync(j => j.State, j => j.UploadUrl);
        Assert.Equal(Enum.GetValues<JobState>().Length, saved.Count);
        Assert.All([JobState.Processing, JobState.SentToInbox, JobState.Published, JobState.Failed, JobState.Cancelled], state => Assert.Null(saved[state]));
        Assert.All([JobState.Scheduled, JobState.Queued, JobState.Initializing, JobState.Uploading], state => Assert.Equal(UploadUrl, saved[state]));
    }
}
