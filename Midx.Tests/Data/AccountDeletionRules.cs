using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

using Midx.Tests.Support;

namespace Midx.Tests.Data;

/// <summary>
/// What the foreign keys do when rows go, checked on a migrated database of either provider: deleting a TikTok account
/// keeps its posts (with their history and consent) and only clears their account; deleting the user removes every
/// post, whether its account is gone already or goes in the same statement.
/// </summary>
internal static class AccountDeletionRules
{
    public static async Task AssertOnAsync(Func<MidxDbContext> newContext)
    {
        var now = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
        var user = NewUser(now);
        var disconnected = NewAccount(user, "first", now);
        var linked = NewAccount(user, "second", now);
        await using (var db = newContext())
        {
            db.AddPerson(user);
            db.AddRange(disconnected, linked);
            AddPost(db, disconnected, now);
            AddPost(db, linked, now);
            await db.SaveChangesAsync();
        }

        await using (var db = newContext())
        {
            await db.TikTokAccounts.Where(a => a.Id == disconnected.Id).ExecuteDeleteAsync();
        }

        await using (var db = newContext())
        {
            var accounts = await db.PublishJobs.Select(j => j.TikTokAccountId).ToListAsync();
            Assert.Equal(2, accounts.Count);
            Assert.Contains(null, accounts);
            Assert.Contains(linked.Id, accounts);
            Assert.Equal(2, await db.PublishEvents.CountAsync());
            Assert.Equal(2, await db.ConsentRecords.CountAsync());

            // The user goes with one post whose account is gone and one whose account goes in the same delete.
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync();
        }

        await using (var db = newContext())
        {
            Assert.Empty(await db.TikTokAccounts.ToListAsync());
            Assert.Empty(await db.PublishJobs.ToListAsync());
            Assert.Empty(await db.PublishEvents.ToListAsync());
            Assert.Empty(await db.ConsentRecords.ToListAsync());
        }
    }

    private static User NewUser(DateTime now) =>
        new() { GoogleSubject = "sub-rules", Email = "rules@example.test", Name = "Rules", CreatedAt = now, LastSeenAt = now };

    private static TikTokAccount NewAccount(User user, string name, DateTime now) =>
        new() { UserId = user.Id, WorkspaceId = user.Id, OpenId = "open-" + name, Username = name, GrantedScopes = "video.publish", ConnectedAt = now, LastSeenAt = now };

    private static void AddPost(MidxDbContext db, TikTokAccount account, DateTime now)
    {
        var job = new PublishJob
        {
            UserId = account.UserId, WorkspaceId = account.WorkspaceId, TikTokAccountId = account.Id, SubmissionKey = "key-" + account.Username, State = JobState.Published,
            CreatedAt = now, UpdatedAt = now,
        };
        db.AddRange(
            job,
            new PublishEvent { JobId = job.Id, At = now, State = JobState.Published },
            new ConsentRecord
            {
                JobId = job.Id, UserId = account.UserId, AgreedAt = now, CreatorNickname = account.Username!, CreatorUsername = account.Username,
                DeclarationText = "By posting…", ShownJson = "{}",
            });
    }
}
