using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

public sealed class InviteMemberCommandTests : WorkspacesDatabase
{
    [Fact]
    public async Task Execute_Owner_CreatesAPendingInvitationForSevenDaysAndHandsOutTheSecretOnce()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Invite.ExecuteAsync(ada.Id, team.Id, "  Grace@Example.COM ", WorkspaceRole.Publisher, CancellationToken.None);

        Assert.True(result.Result.Succeeded, result.Result.Message);
        var link = result.Link!;
        Assert.Equal("grace@example.com", link.Email);
        Assert.Equal(Now.AddDays(7), link.ExpiresAt);
        Assert.Equal(43, link.Secret.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", link.Secret);
        var invitation = await ReadAsync(db => db.WorkspaceInvitations.SingleAsync());
        Assert.Equal(team.Id, invitation.WorkspaceId);
        Assert.Equal("grace@example.com", invitation.Email);
        Assert.Equal(WorkspaceRole.Publisher, invitation.Role);
        Assert.Equal(ada.Id, invitation.InvitedByUserId);
        Assert.Equal(Now.AddDays(7), invitation.ExpiresAt);
        Assert.DoesNotContain(link.Secret, link.ToString());
    }

    [Fact]
    public async Task Execute_Owner_StoresOnlyTheSecretsSha256AndAuditsWithoutEither()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var secret = await InviteAsync(ada, team, "grace@example.com");

        var invitation = await ReadAsync(db => db.WorkspaceInvitations.SingleAsync());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(expected, invitation.TokenHash);
        Assert.NotEqual(secret, invitation.TokenHash);
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceMemberInvited));
        Assert.Equal(ada.Id, audit.ActorUserId);
        Assert.DoesNotContain(secret, audit.Detail);
        Assert.DoesNotContain(invitation.TokenHash, audit.Detail);
    }

    [Fact]
    public async Task Execute_TwoInvitations_GetDifferentSecrets()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var first = await InviteAsync(ada, team, "grace@example.com");
        var second = await InviteAsync(ada, team, "alan@example.com");

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner)]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Execute_AnyRole_IsInvitedWithThatRole(WorkspaceRole role)
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        await InviteAsync(ada, team, "grace@example.com", role);

        Assert.Equal(role, await ReadAsync(db => db.WorkspaceInvitations.Select(i => i.Role).SingleAsync()));
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Execute_MemberWithoutManageMembers_IsNotAllowed(WorkspaceRole role)
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, role));

        var result = await Invite.ExecuteAsync(bob.Id, team.Id, "grace@example.com", WorkspaceRole.Viewer, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotAllowed, result.Result.Outcome);
        Assert.Equal("Only an Owner of this workspace can manage its members.", result.Result.Message);
        Assert.Null(result.Link);
        Assert.Empty(await ReadAsync(db => db.WorkspaceInvitations.ToListAsync()));
    }

    [Fact]
    public async Task Execute_Stranger_IsToldThereIsNoSuchWorkspace()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Invite.ExecuteAsync(eve.Id, team.Id, "eve2@example.com", WorkspaceRole.Owner, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotFound, result.Result.Outcome);
        Assert.Empty(await ReadAsync(db => db.WorkspaceInvitations.ToListAsync()));
    }

    [Fact]
    public async Task Execute_PersonalWorkspace_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await Invite.ExecuteAsync(ada.Id, ada.Id, "grace@example.com", WorkspaceRole.Editor, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.Refused, result.Result.Outcome);
        Assert.Equal("A personal workspace is yours alone. Create a shared workspace to work with others.", result.Result.Message);
        Assert.Empty(await ReadAsync(db => db.WorkspaceInvitations.ToListAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("grace")]
    [InlineData("grace@")]
    [InlineData("grace@example")]
    [InlineData("Grace Hopper <grace@example.com>")]
    public async Task Execute_NotAnEmailAddress_IsRefused(string email)
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Invite.ExecuteAsync(ada.Id, team.Id, email, WorkspaceRole.Editor, CancellationToken.None);

        Assert.Equal("Enter the email address of the Google account to invite, like name@example.com.", result.Result.Message);
        Assert.Empty(await ReadAsync(db => db.WorkspaceInvitations.ToListAsync()));
    }

    [Fact]
    public async Task Execute_EmailOfAMember_IsRefusedWhateverItsCase()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var grace = await AddUserAsync("Grace@Example.com", "Grace");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (grace, WorkspaceRole.Viewer));

        var result = await Invite.ExecuteAsync(ada.Id, team.Id, "grace@example.COM", WorkspaceRole.Editor, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.Refused, result.Result.Outcome);
        Assert.Equal("grace@example.com is already a member of Harbour Films.", result.Result.Message);
    }

    [Fact]
    public async Task Execute_EmailWithAPendingInvitation_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        await InviteAsync(ada, team, "grace@example.com");

        var result = await Invite.ExecuteAsync(ada.Id, team.Id, "GRACE@example.com", WorkspaceRole.Viewer, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.Refused, result.Result.Outcome);
        Assert.Equal("grace@example.com already has a pending invitation. Revoke it first to send a new link.", result.Result.Message);
        Assert.Single(await ReadAsync(db => db.WorkspaceInvitations.ToListAsync()));
    }

    [Fact]
    public async Task Execute_EmailWhoseInvitationExpired_IsInvitedAgain()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));
        await InviteAsync(ada, team, "grace@example.com");
        Time.Advance(TimeSpan.FromDays(7));

        var result = await Invite.ExecuteAsync(ada.Id, team.Id, "grace@example.com", WorkspaceRole.Viewer, CancellationToken.None);

        Assert.True(result.Result.Succeeded, result.Result.Message);
        Assert.Equal(2, await ReadAsync(db => db.WorkspaceInvitations.CountAsync()));
    }
}
