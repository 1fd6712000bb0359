using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Data;

/// <summary>
/// What the foreign keys do when rows go, checked on a migrated database of either provider: deleting a TikTok account
/// keeps its posts (with their history and consent) and only clears their account; deleting a workspace removes every
/// post of it, whether its account is gone already or goes in the same statement; deleting a person keeps what they
/// composed and linked in a shared workspace, no longer naming them.
/// </summary>
internal static class AccountDeletionRules
{
    public static async Task AssertOnAsync(Func<MidxDbContext> newContext)
    {
        var now = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
        var user = NewUser(now);
        var disconnected = NewAccount(user, "first", now);
        var linked = NewAccount(user, "second", now);
        var studio = new Workspace { Name = "Studio", CreatedAt = now };
        var shared = NewAccount(user, "shared", now);
        shared.WorkspaceId = studio.Id;
        await using (var db = newContext())
        {
            db.AddPerson(user);
            db.AddRange(disconnected, linked);
            AddPost(db, disconnected, now);
            AddPost(db, linked, now);
            db.Workspaces.Add(studio);
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = studio.Id, UserId = user.Id, Role = WorkspaceRole.Editor, JoinedAt = now });
            db.TikTokAccounts.Add(shared);
            AddPost(db, shared, now);
            await db.SaveChangesAsync();
        }

        await using (var db = newContext())
        {
            await db.TikTokAccounts.Where(a => a.Id == disconnected.Id).ExecuteDeleteAsync();
        }

        await using (var db = newContext())
        {
            var accounts = await db.PublishJobs.Where(j => j.WorkspaceId == user.Id).Select(j => j.TikTokAccountId).ToListAsync();
            Assert.Equal(2, accounts.Count);
            Assert.Contains(null, accounts);
            Assert.Contains(linked.Id, accounts);
            Assert.Equal(3, await db.PublishEvents.CountAsync());
            Assert.Equal(3, await db.ConsentRecords.CountAsync());

            // Their workspace goes with one post whose account is gone and one whose account goes in the same delete; then they go.
            await db.Workspaces.Where(w => w.Id == user.Id).ExecuteDeleteAsync();
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync();
        }

        await using (var db = newContext())
        {
            var account = Assert.Single(await db.TikTokAccounts.ToListAsync());
            Assert.Equal((shared.Id, studio.Id, (Guid?)null), (account.Id, account.WorkspaceId, account.UserId));
            var post = Assert.Single(await db.PublishJobs.ToListAsync());
            Assert.Equal((studio.Id, (Guid?)null, (Guid?)shared.Id), (post.WorkspaceId, post.UserId, post.TikTokAccountId));
            Assert.Equal(post.Id, Assert.Single(await db.PublishEvents.ToListAsync()).JobId);
            Assert.Equal(post.Id, Assert.Single(await db.ConsentRecords.ToListAsync()).JobId);
            Assert.Empty(await db.WorkspaceMembers.ToListAsync());
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
                JobId = job.Id, UserId = account.UserId!.Value, AgreedAt = now, CreatorNickname = account.Username!, CreatorUsername = account.Username,
                DeclarationText = "By posting…", ShownJson = "{}",
            });
    }
}
