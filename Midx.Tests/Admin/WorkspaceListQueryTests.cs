using Midx.Core.Admin;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

public sealed class WorkspaceListQueryTests : AdminDatabase
{
    [Fact]
    public async Task Execute_SharedWorkspace_CountsMembersAccountsPostsAndOnlyPendingInvitationsAndNamesItsOwners()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-9), name: "Grace Hopper");
        var alan = Db.AddUser("alan@example.test", Now.AddDays(-9), name: "Alan Turing");
        var kat = Db.AddUser("kat@example.test", Now.AddDays(-9), name: "Katherine Johnson");
        var studio = Db.AddWorkspace("Orbit Studio", grace, Now.AddDays(-5));
        Db.AddMember(studio, alan, WorkspaceRole.Owner, Now.AddDays(-4));
        Db.AddMember(studio, kat, WorkspaceRole.Editor, Now.AddDays(-3));
        var shared = Db.AddAccount(grace, "orbit.studio", Now).In(studio);
        Db.AddAccount(alan, "orbit.backup", Now).In(studio);
        var own = Db.AddAccount(grace, "grace.own", Now);
        Db.AddJob(shared, Now.AddHours(-3));
        Db.AddJob(shared, Now.AddHours(-2));
        Db.AddJob(own, Now.AddHours(-1));
        Db.AddInvitation(studio, "pending@example.test", grace, Now.AddDays(-1));
        Db.AddInvitation(studio, "expired@example.test", grace, Now.AddDays(-9), expiresAt: Now.AddMinutes(-1));
        Db.AddInvitation(studio, "accepted@example.test", grace, Now.AddDays(-2), acceptedAt: Now.AddDays(-1));
        Db.AddInvitation(studio, "revoked@example.test", grace, Now.AddDays(-2), revokedAt: Now.AddDays(-1));
        await Db.SaveChangesAsync();

        var page = await new WorkspaceListQuery(NewContext(), Time).ExecuteAsync(new WorkspaceFilter(), null, 50, CancellationToken.None);

        var row = Assert.Single(page.Rows);
        Assert.Equal(
            (studio.Id, "Orbit Studio", false, 3, 2, 2, 1),
            (row.Id, row.Name, row.IsPersonal, row.Members, row.LinkedAccounts, row.Posts, row.PendingInvitations));
        Assert.Equal(["Alan Turing", "Grace Hopper"], row.Owners);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Execute_DefaultFilter_HidesPersonalWorkspacesThatIncludePersonalShows()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-3), name: "Grace Hopper");
        Db.AddUser("alan@example.test", Now.AddDays(-2), name: "Alan Turing");
        var studio = Db.AddWorkspace("Orbit Studio", grace, Now.AddDays(-1));
        Db.AddAccount(grace, "grace.own", Now);
        await Db.SaveChangesAsync();
        var query = new WorkspaceListQuery(NewContext(), Time);

        var shared = await query.ExecuteAsync(new WorkspaceFilter(), null, 50, CancellationToken.None);
        var all = await query.ExecuteAsync(new WorkspaceFilter { IncludePersonal = true }, null, 50, CancellationToken.None);

        Assert.Equal([studio.Id], shared.Rows.Select(r => r.Id));
        Assert.Equal(
            [("Orbit Studio", false, "Grace Hopper", 0), (Workspace.PersonalName, true, "Alan Turing", 0), (Workspace.PersonalName, true, "Grace Hopper", 1)],
            all.Rows.Select(r => (r.Name, r.IsPersonal, Assert.Single(r.Owners), r.LinkedAccounts)));
    }

    [Fact]
    public async Task Execute_Search_MatchesPartOfTheNameInAnyCaseAndTakesWildcardsLiterally()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-3));
        var orbit = Db.AddWorkspace("Orbit Studio", grace, Now.AddDays(-2));
        var percent = Db.AddWorkspace("100% Bakes", grace, Now.AddDays(-1));
        Db.AddWorkspace("Night Shift", grace, Now);
        await Db.SaveChangesAsync();
        var query = new WorkspaceListQuery(NewContext(), Time);

        var studio = await query.ExecuteAsync(new WorkspaceFilter { Search = "  STUDIO " }, null, 50, CancellationToken.None);
        var literal = await query.ExecuteAsync(new WorkspaceFilter { Search = "0%" }, null, 50, CancellationToken.None);
        var none = await query.ExecuteAsync(new WorkspaceFilter { Search = "_" }, null, 50, CancellationToken.None);

        Assert.Equal([orbit.Id], studio.Rows.Select(r => r.Id));
        Assert.Equal([percent.Id], literal.Rows.Select(r => r.Id));
        Assert.Empty(none.Rows);
    }

    [Fact]
    public async Task Execute_WalkingEveryPage_ReturnsEachWorkspaceOnceNewestFirstEvenWithEqualTimestamps()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-30));
        var expected = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            // Three workspaces share each creation time, so page boundaries fall between equal timestamps.
            expected.Add(Db.AddWorkspace($"Workspace {i:D2}", grace, Now.AddMinutes(-(i / 3))).Id);
        }

        await Db.SaveChangesAsync();
        var query = new WorkspaceListQuery(NewContext(), Time);

        var seen = new List<WorkspaceRow>();
        KeysetCursor? after = null;
        var pages = 0;
        do
        {
            var page = await query.ExecuteAsync(new WorkspaceFilter(), after, pageSize: 5, CancellationToken.None);
            seen.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected.Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.All(seen, r => Assert.Equal(1, r.Members));
    }

    [Fact]
    public async Task Execute_FullPage_ReadsRowsCountsAndOwnersInTwoCommands()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-30));
        for (var i = 0; i < 20; i++)
        {
            var workspace = Db.AddWorkspace($"Workspace {i:D2}", grace, Now.AddMinutes(-i));
            Db.AddInvitation(workspace, $"guest{i}@example.test", grace, Now.AddMinutes(-i));
        }

        await Db.SaveChangesAsync();
        var commands = new CommandCounter();

        var page = await new WorkspaceListQuery(NewContext(commands), Time).ExecuteAsync(new WorkspaceFilter(), null, 50, CancellationToken.None);

        Assert.Equal(20, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal((1, 1), (r.Members, r.PendingInvitations)));
        Assert.Equal(2, commands.Count);
    }
}
