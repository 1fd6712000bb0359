using Midx.Core.Admin;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

namespace Midx.Tests.Admin;

public sealed class WorkspaceDetailQueryTests : AdminDatabase
{
    private WorkspaceDetailQuery Query()
    {
        var db = NewContext();
        return new WorkspaceDetailQuery(db, new UploadListQuery(db), new Midx.Core.Api.ApiKeysQuery(db, Time), new Midx.Core.Connect.ApiAppsQuery(db), Time);
    }

    [Fact]
    public async Task Execute_SharedWorkspace_ListsMembersByRoleOnlyPendingInvitationsItsAccountsAndItsLatestPosts()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-9), name: "Grace Hopper");
        var alan = Db.AddUser("alan@example.test", Now.AddDays(-9), name: "Alan Turing");
        var kat = Db.AddUser("kat@example.test", Now.AddDays(-9), name: "Katherine Johnson");
        var studio = Db.AddWorkspace("Orbit Studio", grace, Now.AddDays(-5), inboxDraftsOnly: true);
        Db.AddMember(studio, kat, WorkspaceRole.Viewer, Now.AddDays(-4));
        Db.AddMember(studio, alan, WorkspaceRole.Publisher, Now.AddDays(-3));
        var shared = Db.AddAccount(alan, "orbit.studio", Now.AddDays(-3)).In(studio);
        shared.TokenState = TokenState.NeedsReconnect;
        var own = Db.AddAccount(grace, "grace.own", Now);
        var posts = Enumerable.Range(1, WorkspaceDetailQuery.RecentLimit + 2).Select(i => Db.AddJob(shared, Now.AddMinutes(-i)).Id).ToList();
        Db.AddJob(own, Now, JobState.Failed);
        var pending = Db.AddInvitation(studio, "new@example.test", grace, Now.AddDays(-1), WorkspaceRole.Publisher);
        Db.AddInvitation(studio, "late@example.test", grace, Now.AddDays(-9), expiresAt: Now.AddMinutes(-1));
        Db.AddInvitation(studio, "done@example.test", grace, Now.AddDays(-2), acceptedAt: Now.AddDays(-1));
        await Db.SaveChangesAsync();

        var detail = await Query().ExecuteAsync(studio.Id, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(("Orbit Studio", false, true), (detail.Name, detail.IsPersonal, detail.InboxDraftsOnly));
        Assert.Equal(
            [("Grace Hopper", WorkspaceRole.Owner), ("Alan Turing", WorkspaceRole.Publisher), ("Katherine Johnson", WorkspaceRole.Viewer)],
            detail.Members.Select(m => (m.Name, m.Role)));
        var invitation = Assert.Single(detail.PendingInvitations);
        Assert.Equal((pending.Id, "new@example.test", WorkspaceRole.Publisher, "Grace Hopper"), (invitation.Id, invitation.Email, invitation.Role, invitation.InvitedByName));
        var account = Assert.Single(detail.Accounts);
        Assert.Equal(("orbit.studio", TokenState.NeedsReconnect), (account.Username, account.TokenState));
        Assert.Equal(WorkspaceDetailQuery.RecentLimit + 2, detail.PostCount);
        Assert.Equal(posts.Take(WorkspaceDetailQuery.RecentLimit), detail.RecentPosts.Select(p => p.Id));
    }

    [Fact]
    public async Task Execute_InviterHasLeft_KeepsTheInvitationWithoutAName()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-9));
        var studio = Db.AddWorkspace("Orbit Studio", grace, Now.AddDays(-5));
        var invitation = Db.AddInvitation(studio, "new@example.test", grace, Now.AddDays(-1));
        invitation.InvitedByUserId = null;
        await Db.SaveChangesAsync();

        var detail = await Query().ExecuteAsync(studio.Id, CancellationToken.None);

        var row = Assert.Single(detail!.PendingInvitations);
        Assert.Equal(((Guid?)null, (string?)null), (row.InvitedByUserId, row.InvitedByName));
    }

    [Fact]
    public async Task Execute_UnknownId_ReturnsNull()
    {
        Db.AddUser("grace@example.test", Now);
        await Db.SaveChangesAsync();

        Assert.Null(await Query().ExecuteAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
