using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;

namespace Midx.Tests.Data;

/// <summary>
/// Jobs saved while a restarted sandbox could repeat a publish_id, migrated on either provider: of two jobs with one
/// id only the newer keeps it, and from then on the database refuses a second job with a publish_id already held.
/// </summary>
internal static class UniquePublishIdMigration
{
    private const string MigrationBefore = "20261202072703_ClearSpentUploadUrls";

    public static async Task AssertOnAsync(Func<MidxDbContext> newContext)
    {
        var now = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        Guid older, newer, other;
        await using (var db = newContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore);
            var user = new User { GoogleSubject = "sub-publish-id", Email = "publish-id@example.test", Name = "Publish", CreatedAt = now, LastSeenAt = now };
            await RowsBeforeWorkspaces.InsertAsync(db, user);
            var jobs = new[]
            {
                Job(user, "older", "v_pub_file~v2-1.7301000001", now),
                Job(user, "newer", "v_pub_file~v2-1.7301000001", now.AddHours(1)),
                Job(user, "other", "v_pub_file~v2-1.7301000002", now),
            };
            await RowsBeforeWorkspaces.InsertAsync(db, jobs);
            (older, newer, other) = (jobs[0].Id, jobs[1].Id, jobs[2].Id);
        }

        await using (var db = newContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var check = newContext())
        {
            var saved = await check.PublishJobs.ToDictionaryAsync(j => j.Id, j => j.PublishId);
            Assert.Null(saved[older]);
            Assert.Equal("v_pub_file~v2-1.7301000001", saved[newer]);
            Assert.Equal("v_pub_file~v2-1.7301000002", saved[other]);
        }

        await using var again = newContext();
        var user2 = await again.Users.SingleAsync();
        again.PublishJobs.Add(Job(user2, "repeat", "v_pub_file~v2-1.7301000002", now.AddHours(2)));
        again.PublishJobs.Add(Job(user2, "no-id-yet", null, now.AddHours(2)));
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    private static PublishJob Job(User user, string key, string? publishId, DateTime at) => new()
    {
        // Before workspaces the workspace is not written; after, it is the person's own, which the migration created.
        UserId = user.Id, WorkspaceId = user.Id, SubmissionKey = key, State = JobState.Published, PublishId = publishId, CreatedAt = at, UpdatedAt = at,
    };
}
