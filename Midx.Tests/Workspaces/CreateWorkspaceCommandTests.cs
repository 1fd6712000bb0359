using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

public sealed class CreateWorkspaceCommandTests : WorkspacesDatabase
{
    [Fact]
    public async Task Execute_Name_CreatesASharedWorkspaceWithTheCreatorAsOwner()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await new CreateWorkspaceCommand(Db, Audit, Time).ExecuteAsync(ada.Id, "  Harbour Films  ", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var workspace = await ReadAsync(db => db.Workspaces.SingleAsync(w => w.Id == result.WorkspaceId));
        Assert.Equal("Harbour Films", workspace.Name);
        Assert.False(workspace.IsPersonal);
        Assert.Equal(Now, workspace.CreatedAt);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(workspace.Id, ada.Id));
        Assert.Single(await ReadAsync(db => db.WorkspaceMembers.Where(m => m.WorkspaceId == workspace.Id).ToListAsync()));
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceCreated));
        Assert.Equal(ada.Id, audit.ActorUserId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Execute_NoName_RefusesAndCreatesNothing(string? name)
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await new CreateWorkspaceCommand(Db, Audit, Time).ExecuteAsync(ada.Id, name, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Give the workspace a name.", result.Error);
        Assert.Equal(1, await ReadAsync(db => db.Workspaces.CountAsync()));
    }

    [Fact]
    public async Task Execute_NameTooLong_RefusesNamingTheLimit()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await new CreateWorkspaceCommand(Db, Audit, Time).ExecuteAsync(ada.Id, new string('x', Workspace.MaxNameLength + 1), CancellationToken.None);

        Assert.Equal("A workspace name can be at most 80 characters.", result.Error);
        Assert.Equal(1, await ReadAsync(db => db.Workspaces.CountAsync()));
    }

    [Fact]
    public async Task Execute_NameAtTheLimitWithSpaces_IsAccepted()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await new CreateWorkspaceCommand(Db, Audit, Time).ExecuteAsync(ada.Id, " " + new string('x', Workspace.MaxNameLength) + " ", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
    }
}
