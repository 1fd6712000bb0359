using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

/// <summary>Changing roles, removing and leaving, and revoking invitations.</summary>
public sealed class MemberCommandsTests : WorkspacesDatabase
{
    private ChangeMemberRoleCommand ChangeRole => new(Db, Audit);

    private RemoveMemberCommand Remove => new(Db, Audit);

    private RevokeInvitationCommand Revoke => new(Db, Audit, Time);

    [Fact]
    public async Task ChangeRole_OwnerPromotesAnEditor_ChangesTheRoleAndAuditsIt()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Editor));

        var result = await ChangeRole.ExecuteAsync(ada.Id, team.Id, bob.Id, WorkspaceRole.Publisher, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Bob is now Publisher.", result.Message);
        Assert.Equal(WorkspaceRole.Publisher, await RoleOfAsync(team.Id, bob.Id));
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceRoleChanged));
        Assert.Equal((ada.Id, bob.Id), (audit.ActorUserId!.Value, audit.SubjectUserId!.Value));
        Assert.Contains("Editor to Publisher", audit.Detail);
    }

    [Fact]
    public async Task ChangeRole_LastOwnerDemotesThemselves_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Editor));

        var result = await ChangeRole.ExecuteAsync(ada.Id, team.Id, ada.Id, WorkspaceRole.Editor, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.Refused, result.Outcome);
        Assert.Equal("A workspace needs at least one Owner. Make someone else an Owner first.", result.Message);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, ada.Id));
        Assert.Empty(await AuditAsync(AuditActions.WorkspaceRoleChanged));
    }

    [Fact]
    public async Task ChangeRole_OneOfTwoOwners_CanBeDemoted()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Owner));

        var result = await ChangeRole.ExecuteAsync(ada.Id, team.Id, bob.Id, WorkspaceRole.Viewer, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(WorkspaceRole.Viewer, await RoleOfAsync(team.Id, bob.Id));
    }

    [Fact]
    public async Task ChangeRole_Publisher_IsNotAllowed()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Publisher));

        var result = await ChangeRole.ExecuteAsync(bob.Id, team.Id, bob.Id, WorkspaceRole.Owner, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotAllowed, result.Outcome);
        Assert.Equal(WorkspaceRole.Publisher, await RoleOfAsync(team.Id, bob.Id));
    }

    [Fact]
    public async Task ChangeRole_Stranger_IsNotFound()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await ChangeRole.ExecuteAsync(eve.Id, team.Id, ada.Id, WorkspaceRole.Viewer, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotFound, result.Outcome);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, ada.Id));
    }

    [Fact]
    public async Task Remove_OwnerRemovesAMember_EndsTheirMembershipChangesTheirStampAndAuditsIt()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Editor));
        var stamps = await ReadAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.SecurityStamp));

        var result = await Remove.ExecuteAsync(ada.Id, team.Id, bob.Id, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(await RoleOfAsync(team.Id, bob.Id));
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(bob.Id, bob.Id));
        Assert.NotEqual(stamps[bob.Id], await ReadAsync(db => db.Users.Where(u => u.Id == bob.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(stamps[ada.Id], await ReadAsync(db => db.Users.Where(u => u.Id == ada.Id).Select(u => u.SecurityStamp).SingleAsync()));
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceMemberRemoved));
        Assert.Equal((ada.Id, bob.Id), (audit.ActorUserId!.Value, audit.SubjectUserId!.Value));
    }

    [Fact]
    public async Task Remove_LastOwner_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Remove.ExecuteAsync(ada.Id, team.Id, ada.Id, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.Refused, result.Outcome);
        Assert.Equal("A workspace needs at least one Owner. Make someone else an Owner before the last one goes.", result.Message);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, ada.Id));
    }

    [Fact]
    public async Task Remove_OwnerRemovesTheOtherOwner_IsDone()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Owner));

        var result = await Remove.ExecuteAsync(ada.Id, team.Id, bob.Id, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(await RoleOfAsync(team.Id, bob.Id));
    }

    [Fact]
    public async Task Remove_ViewerLeaves_EndsTheirMembershipButKeepsTheirSession()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Viewer));

        var result = await Remove.ExecuteAsync(bob.Id, team.Id, bob.Id, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("You left Harbour Films.", result.Message);
        Assert.Null(await RoleOfAsync(team.Id, bob.Id));
        Assert.Equal(bob.SecurityStamp, await ReadAsync(db => db.Users.Where(u => u.Id == bob.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Single(await AuditAsync(AuditActions.WorkspaceMemberLeft));
    }

    [Fact]
    public async Task Remove_ViewerRemovesSomeoneElse_IsNotAllowed()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var cy = await AddUserAsync("cy@midx.test", "Cy");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Viewer), (cy, WorkspaceRole.Editor));

        var result = await Remove.ExecuteAsync(bob.Id, team.Id, cy.Id, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotAllowed, result.Outcome);
        Assert.Equal(WorkspaceRole.Editor, await RoleOfAsync(team.Id, cy.Id));
    }

    [Fact]
    public async Task Remove_StrangerLeaves_IsNotFound()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Remove.ExecuteAsync(eve.Id, team.Id, ada.Id, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotFound, result.Outcome);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, ada.Id));
    }

    [Fact]
    public async Task Remove_PersonalWorkspace_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await Remove.ExecuteAsync(ada.Id, ada.Id, ada.Id, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.Refused, result.Outcome);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(ada.Id, ada.Id));
    }

    [Fact]
    public async Task Revoke_PendingInvitation_RevokesAndAuditsIt()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        await InviteAsync(ada, team, "grace@example.com");
        var invitationId = await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.Id).SingleAsync());

        var result = await Revoke.ExecuteAsync(ada.Id, team.Id, invitationId, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("The invitation for grace@example.com is revoked; its link no longer works.", result.Message);
        Assert.Equal(Now, await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.RevokedAt).SingleAsync()));
        Assert.Single(await AuditAsync(AuditActions.WorkspaceInvitationRevoked));
    }

    [Fact]
    public async Task Revoke_Editor_IsNotAllowed()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Editor));
        await InviteAsync(ada, team, "grace@example.com");
        var invitationId = await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.Id).SingleAsync());

        var result = await Revoke.ExecuteAsync(bob.Id, team.Id, invitationId, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotAllowed, result.Outcome);
        Assert.Null(await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Revoke_InvitationOfAnotherWorkspace_IsNotFound()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var evil = await AddSharedAsync("Eve's", (eve, WorkspaceRole.Owner));
        await InviteAsync(ada, team, "grace@example.com");
        var invitationId = await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.Id).SingleAsync());

        var result = await Revoke.ExecuteAsync(eve.Id, evil.Id, invitationId, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotFound, result.Outcome);
        Assert.Null(await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task MembersQuery_Owner_SeesMembersAndPendingInvitations()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (bob, WorkspaceRole.Viewer), (ada, WorkspaceRole.Owner));
        await InviteAsync(ada, team, "grace@example.com", WorkspaceRole.Publisher);
        await InviteAsync(ada, team, "old@example.com");
        Time.Advance(TimeSpan.FromDays(1));

        var view = await new WorkspaceMembersQuery(Db, Time).ExecuteAsync(ada.Id, team.Id, CancellationToken.None);

        Assert.NotNull(view);
        Assert.Equal(WorkspaceRole.Owner, view.Workspace.Role);
        Assert.Equal(["Ada", "Bob"], view.Members.Select(m => m.Name));
        Assert.Equal(["grace@example.com", "old@example.com"], view.Invitations.Select(i => i.Email));
        Assert.Equal("Ada", view.Invitations[0].InvitedBy);
    }

    [Fact]
    public async Task MembersQuery_Viewer_SeesMembersButNoInvitations()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, WorkspaceRole.Viewer));
        await InviteAsync(ada, team, "grace@example.com");

        var view = await new WorkspaceMembersQuery(Db, Time).ExecuteAsync(bob.Id, team.Id, CancellationToken.None);

        Assert.Equal(2, view!.Members.Count);
        Assert.Empty(view.Invitations);
    }

    [Fact]
    public async Task MembersQuery_Stranger_GetsNothing()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        Assert.Null(await new WorkspaceMembersQuery(Db, Time).ExecuteAsync(eve.Id, team.Id, CancellationToken.None));
        Assert.Null(await new WorkspaceMembersQuery(Db, Time).ExecuteAsync(eve.Id, ada.Id, CancellationToken.None));
    }
}
