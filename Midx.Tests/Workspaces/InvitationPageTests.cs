using Bunit;
using Microsoft.EntityFrameworkCore;
using Midx.App.Workspaces;
using Midx.Core.Accounts;
using Midx.Core.Workspaces;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Workspaces;

public sealed class InvitationPageTests : WorkspacesPageTestContext
{
    private User _ada = default!;
    private User _grace = default!;
    private Workspace _team = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _grace = await AddUserAsync("grace@example.com", "Grace Hopper");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task Render_InvitedPerson_ShowsWorkspaceInviterAndRoleWithAnAcceptButton()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com", WorkspaceRole.Publisher);
        SignIn(_grace);

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForAssertion(() => Assert.Equal("Join Harbour Films", Text(page.Find("h1"))));
        Assert.Equal("Ada Lovelace invited you to join Harbour Films as Publisher: " + WorkspaceRoles.Describe(WorkspaceRole.Publisher),
            Text(page.Find("[data-invitation-summary]")));
        Assert.Equal("Accept and join Harbour Films", Text(page.Find("[data-accept-invitation]")));
        Assert.Null(await RoleOfAsync(_team.Id, _grace.Id));
    }

    [Fact]
    public async Task Accept_InvitedPerson_JoinsAndOpensTheWorkspacesHistory()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com", WorkspaceRole.Publisher);
        SignIn(_grace);
        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForElement("[data-accept-invitation]").Click();

        page.WaitForAssertion(() => Assert.Equal((WorkspaceEndpoints.OpenUrl(_team.Id, "/history"), true), LastNavigation()));
        Assert.Equal(WorkspaceRole.Publisher, await RoleOfAsync(_team.Id, _grace.Id));
    }

    [Fact]
    public async Task Render_OtherGoogleAccount_SaysWhichAddressItIsForAndOffersAnotherSignIn()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com");
        SignIn(await AddUserAsync("eve@example.com", "Eve Outsider"));

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForAssertion(() => Assert.Equal("This invitation is for another Google account", Text(page.Find("h1"))));
        Assert.Equal("This invitation is for g…@example.com. Sign in with that Google account to accept it.", Text(page.Find("[data-invitation-message]")));
        var form = page.Find("form");
        Assert.Equal(WorkspaceEndpoints.SwitchAccountPath, form.GetAttribute("action"));
        Assert.Equal(InvitationPage.Url(secret), form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal("Sign in with another account", Text(form.QuerySelector("button")));
        Assert.DoesNotContain("Harbour Films", page.Markup);
        Assert.Empty(page.FindAll("[data-accept-invitation]"));
    }

    [Fact]
    public async Task Render_ExpiredInvitation_SaysItExpired()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com");
        await WithDbAsync(db => db.WorkspaceInvitations.ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, UtcNow.AddMinutes(-1))));
        SignIn(_grace);

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForAssertion(() => Assert.Equal("This invitation has expired", Text(page.Find("h1"))));
        Assert.Equal("This invitation has expired. Ask whoever invited you for a new one.", Text(page.Find("[data-invitation-message]")));
        Assert.Empty(page.FindAll("[data-accept-invitation]"));
    }

    [Fact]
    public async Task Render_RevokedInvitation_SaysItWasWithdrawn()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com");
        await WithDbAsync(db => db.WorkspaceInvitations.ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, UtcNow)));
        SignIn(_grace);

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForAssertion(() => Assert.Equal("This invitation was withdrawn. Ask whoever invited you for a new one.", Text(page.Find("[data-invitation-message]"))));
        Assert.Empty(page.FindAll("[data-accept-invitation]"));
    }

    [Fact]
    public async Task Render_UsedInvitation_SaysItWasAlreadyUsed()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com");
        await WithDbAsync(db => db.WorkspaceInvitations.ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, UtcNow).SetProperty(i => i.AcceptedByUserId, _ada.Id)));
        SignIn(_grace);

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForAssertion(() => Assert.Equal("This invitation was already used", Text(page.Find("h1"))));
        Assert.Empty(page.FindAll("[data-accept-invitation]"));
    }

    [Fact]
    public void Render_UnknownLink_SaysItDoesNotWork()
    {
        SignIn(_grace);

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, "made-up-secret-that-matches-nothing"));

        page.WaitForAssertion(() => Assert.Equal("This invitation link doesn't work. Check that it was copied whole, or ask for a new one.",
            Text(page.Find("[data-invitation-message]"))));
    }

    [Fact]
    public async Task Render_AlreadyAMember_SaysSoAndOpensTheWorkspace()
    {
        var secret = await InviteAsync(_ada, _team, "grace@example.com");
        await WithDbAsync(db =>
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = _team.Id, UserId = _grace.Id, Role = WorkspaceRole.Viewer, JoinedAt = UtcNow });
            return db.SaveChangesAsync();
        });
        SignIn(_grace);

        var page = Render<InvitationPage>(p => p.Add(c => c.Secret, secret));

        page.WaitForAssertion(() => Assert.Equal("You are already a member of Harbour Films.", Text(page.Find("[data-invitation-message]"))));
        Assert.Equal(WorkspaceEndpoints.OpenUrl(_team.Id, WorkspacePage.Url(_team.Id)),
            page.FindAll("a").Single(a => Text(a) == "Open Harbour Films").GetAttribute("href"));
    }
}
