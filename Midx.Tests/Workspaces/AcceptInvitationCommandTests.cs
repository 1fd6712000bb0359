using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

public sealed class AcceptInvitationCommandTests : WorkspacesDatabase
{
    [Fact]
    public async Task Execute_InvitedPerson_JoinsWithTheInvitedRoleAndTheInvitationIsUsed()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com", WorkspaceRole.Publisher);
        Time.Advance(TimeSpan.FromHours(3));

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.Accepted, result.Outcome);
        Assert.Equal("You joined Harbour Films as Publisher.", result.Message);
        Assert.Equal(team.Id, result.Invitation!.WorkspaceId);
        Assert.Equal(WorkspaceRole.Publisher, await RoleOfAsync(team.Id, grace.Id));
        var invitation = await ReadAsync(db => db.WorkspaceInvitations.SingleAsync());
        Assert.Equal(Now, invitation.AcceptedAt);
        Assert.Equal(grace.Id, invitation.AcceptedByUserId);
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceInvitationAccepted));
        Assert.Equal(grace.Id, audit.ActorUserId);
        Assert.DoesNotContain(secret, audit.Detail);
    }

    [Fact]
    public async Task Execute_EmailInOtherCaseAndSpaces_IsTheSamePerson()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync(" Grace@Example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com");

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task Execute_UnknownSecret_IsNotFound()
    {
        var grace = await AddUserAsync("grace@example.com", "Grace");

        var result = await Accept.ExecuteAsync(grace.Id, "not-a-real-secret", CancellationToken.None);

        Assert.Equal(InvitationOutcome.NotFound, result.Outcome);
        Assert.Equal("This invitation link doesn't work. Check that it was copied whole, or ask for a new one.", result.Message);
        Assert.Null(result.Invitation);
    }

    [Fact]
    public async Task Execute_TheHashInsteadOfTheSecret_IsNotFound()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        await InviteAsync(ada, team, "grace@example.com");
        var hash = await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.TokenHash).SingleAsync());

        var result = await Accept.ExecuteAsync(grace.Id, hash, CancellationToken.None);

        Assert.Equal(InvitationOutcome.NotFound, result.Outcome);
        Assert.Null(await RoleOfAsync(team.Id, grace.Id));
    }

    [Fact]
    public async Task Execute_SevenDaysLater_IsExpired()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com");
        Time.Advance(TimeSpan.FromDays(7));

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.Expired, result.Outcome);
        Assert.Equal("This invitation has expired. Ask whoever invited you for a new one.", result.Message);
        Assert.Null(await RoleOfAsync(team.Id, grace.Id));
    }

    [Fact]
    public async Task Execute_AMinuteBeforeSevenDays_IsStillAccepted()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com");
        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task Execute_DifferentEmail_IsRefusedNamingTheInvitedAddressMasked()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@example.com", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com");

        var result = await Accept.ExecuteAsync(eve.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.WrongAccount, result.Outcome);
        Assert.Equal("This invitation is for g…@example.com. Sign in with that Google account to accept it.", result.Message);
        Assert.Null(result.Invitation);
        Assert.Null(await RoleOfAsync(team.Id, eve.Id));
        Assert.Null(await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.AcceptedAt).SingleAsync()));
    }

    [Fact]
    public async Task Execute_LinkUsedTwice_IsRefusedTheSecondTime()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com");
        await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);
        await new RemoveMemberCommand(Db, Audit).ExecuteAsync(grace.Id, team.Id, grace.Id, CancellationToken.None);

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.AlreadyUsed, result.Outcome);
        Assert.Equal("This invitation has already been used. Each link works once; ask for a new one if you need it.", result.Message);
        Assert.Null(await RoleOfAsync(team.Id, grace.Id));
    }

    [Fact]
    public async Task Execute_RevokedLink_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com");
        var invitationId = await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.Id).SingleAsync());
        await new RevokeInvitationCommand(Db, Audit, Time).ExecuteAsync(ada.Id, team.Id, invitationId, CancellationToken.None);

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.Revoked, result.Outcome);
        Assert.Equal("This invitation was withdrawn. Ask whoever invited you for a new one.", result.Message);
        Assert.Null(await RoleOfAsync(team.Id, grace.Id));
    }

    [Fact]
    public async Task Execute_AlreadyAMember_IsRefusedAndTheRoleStays()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com", WorkspaceRole.Owner);
        Db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = team.Id, UserId = grace.Id, Role = WorkspaceRole.Viewer, JoinedAt = Now });
        await Db.SaveChangesAsync();

        var result = await Accept.ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.AlreadyMember, result.Outcome);
        Assert.Equal("You are already a member of Harbour Films.", result.Message);
        Assert.Equal(WorkspaceRole.Viewer, await RoleOfAsync(team.Id, grace.Id));
    }

    [Fact]
    public async Task Query_OpenInvitation_ShowsWorkspaceInviterAndRoleWithoutAcceptingIt()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        var grace = await AddUserAsync("grace@example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        var secret = await InviteAsync(ada, team, "grace@example.com", WorkspaceRole.Viewer);

        var result = await new InvitationQuery(Db, Time).ExecuteAsync(grace.Id, secret, CancellationToken.None);

        Assert.Equal(InvitationOutcome.Open, result.Outcome);
        Assert.Equal(new InvitationDetails(team.Id, "Harbour Films", "Ada Lovelace", WorkspaceRole.Viewer, Now.AddDays(7)), result.Invitation);
        Assert.Null(await RoleOfAsync(team.Id, grace.Id));
    }
}
