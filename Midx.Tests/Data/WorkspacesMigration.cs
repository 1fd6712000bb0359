using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Tests.Data;

/// <summary>
/// A database with the schema and data of the day before workspaces, migrated on either provider: every person gets a
/// personal workspace with their own id and them as its Owner; their accounts, posts and pending links move into it,
/// nothing else changes, and the database then refuses a post in a workspace that does not exist.
/// </summary>
internal static class WorkspacesMigration
{
    private const string MigrationBefore = "20261203141235_DueJobsIndex";

    public static async Task AssertOnAsync(Func<MidxDbContext> newContext)
    {
        var joined = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        var ada = new User { GoogleSubject = "sub-ada", Email = "ada@example.test", Name = "Ada", CreatedAt = joined, LastSeenAt = joined };
        var bo = new User { GoogleSubject = "sub-bo", Email = "bo@example.test", Name = "Bo", CreatedAt = joined.AddDays(1), LastSeenAt = joined.AddDays(1) };
        var account = new TikTokAccount { UserId = ada.Id, OpenId = "open-ada", Username = "ada.posts", ConnectedAt = joined, LastSeenAt = joined };
        var posts = new[] { "first", "second" }.Select(key => new PublishJob
        {
            UserId = ada.Id, TikTokAccountId = account.Id, SubmissionKey = key, Caption = "Caption " + key, State = JobState.Published,
            CreatedAt = joined, UpdatedAt = joined,
        }).ToArray();
        var link = new OAuthLinkState { Id = "state-bo", UserId = bo.Id, CodeVerifier = "verifier", CreatedAt = joined, ExpiresAt = joined.AddMinutes(10) };
        await using (var db = newContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore);
            await RowsBeforeWorkspaces.InsertAsync(db, ada, bo);
            await RowsBeforeWorkspaces.InsertAsync(db, account);
            await RowsBeforeWorkspaces.InsertAsync(db, posts);
            await RowsBeforeWorkspaces.InsertAsync(db, link);
        }

        await using (var db = newContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var check = newContext())
        {
            var workspaces = await check.Workspaces.AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync();
            Assert.Equal([(ada.Id, "Personal", true, false, joined), (bo.Id, "Personal", true, false, joined.AddDays(1))],
                workspaces.Select(w => (w.Id, w.Name, w.IsPersonal, w.InboxDraftsOnly, w.CreatedAt)));
            var members = await check.WorkspaceMembers.AsNoTracking().OrderBy(m => m.JoinedAt).ToListAsync();
            Assert.Equal([(ada.Id, ada.Id, WorkspaceRole.Owner), (bo.Id, bo.Id, WorkspaceRole.Owner)], members.Select(m => (m.WorkspaceId, m.UserId, m.Role)));
            Assert.Equal(ada.Id, (await check.TikTokAccounts.AsNoTracking().SingleAsync()).WorkspaceId);
            var migrated = await check.PublishJobs.AsNoTracking().OrderBy(j => j.SubmissionKey).ToListAsync();
            Assert.Equal([(ada.Id, ada.Id, account.Id, "Caption first"), (ada.Id, ada.Id, account.Id, "Caption second")],
                migrated.Select(j => (j.UserId, j.WorkspaceId, j.TikTokAccountId, j.Caption)));
            Assert.Equal(bo.Id, (await check.OAuthLinkStates.AsNoTracking().SingleAsync()).WorkspaceId);
        }

        await using var again = newContext();
        again.PublishJobs.Add(new PublishJob
        {
            UserId = ada.Id, WorkspaceId = Guid.CreateVersion7(), SubmissionKey = "nowhere", State = JobState.Queued, CreatedAt = joined, UpdatedAt = joined,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }
}
