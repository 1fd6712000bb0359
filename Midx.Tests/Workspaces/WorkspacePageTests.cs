using Bunit;
using Microsoft.EntityFrameworkCore;
using Midx.App.Workspaces;
using Midx.Core.Accounts;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Workspaces;

public sealed class WorkspacePageTests : WorkspacesPageTestContext
{
    private User _ada = default!;
    private User _bob = default!;
    private Workspace _team = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _bob = await AddUserAsync("bob@midx.test", "Bob Viewer");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner), (_bob, WorkspaceRole.Viewer));
    }

    [Fact]
    public async Task Render_Owner_ShowsTheMembersTheInviteFormAndPendingInvitations()
    {
        await InviteAsync(_ada, _team, "grace@example.com", WorkspaceRole.Publisher);
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForAssertion(() => Assert.Equal("Harbour Films", Text(page.Find("[data-workspace-title]"))));
        Assert.StartsWith("Shared workspace · you are Owner", Text(page.Find("[data-workspace-role]")));
        Assert.Equal(["Ada Lovelace (you)", "Bob Viewer"], page.FindAll("[data-member-name]").Select(Text));
        Assert.Equal(["ada@midx.test", "bob@midx.test"], page.FindAll("[data-member-email]").Select(Text));
        Assert.Single(page.FindAll("[data-invite-form]"));
        Assert.Single(page.FindAll("[data-workspace-settings]"));
        Assert.Equal("Remove Bob Viewer", Text(page.Find("[data-remove-member]")));
        Assert.Equal(["grace@example.com"], page.FindAll("[data-invitation-email]").Select(Text));
        Assert.Contains("Publisher · invited by Ada Lovelace · open until", Text(page.Find("[data-pending-invitations]")));
    }

    [Fact]
    public async Task SaveSettings_OwnerRenamesAndSetsInboxDraftsOnly_SavesAndOpensThePageAgainInIt()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-workspace-settings]");

        page.Find("input[data-workspace-name]").Input("Harbour Studio");
        page.FindComponent<MudBlazor.MudSwitch<bool>>().Find("input").Change(true);
        page.Find("[data-settings-save]").Click();

        page.WaitForAssertion(() => Assert.Equal((WorkspaceEndpoints.OpenUrl(_team.Id, WorkspacePage.Url(_team.Id)), true), LastNavigation()));
        var saved = await WithDbAsync(db => db.Workspaces.SingleAsync(w => w.Id == _team.Id));
        Assert.Equal(("Harbour Studio", true), (saved.Name, saved.InboxDraftsOnly));
    }

    [Fact]
    public async Task Render_Viewer_ShowsTheMembersReadOnly()
    {
        await InviteAsync(_ada, _team, "grace@example.com");
        SignIn(_bob);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForAssertion(() => Assert.Equal(["Ada Lovelace", "Bob Viewer (you)"], page.FindAll("[data-member-name]").Select(Text)));
        Assert.Equal(["Owner", "Viewer"], page.FindAll("[data-member-role]").Select(Text));
        Assert.Equal("Only an Owner can invite people or change what they may do.", Text(page.Find("[data-members-read-only]")));
        Assert.Empty(page.FindAll("[data-invite-form]"));
        Assert.Empty(page.FindAll("[data-workspace-settings]"));
        Assert.Empty(page.FindAll("[data-pending-invitations]"));
        Assert.Empty(page.FindAll("[data-remove-member]"));
        Assert.Empty(page.FindComponents<MudBlazor.MudSelect<WorkspaceRole>>());
        Assert.DoesNotContain("grace@example.com", page.Markup);
        Assert.Equal("Leave workspace", Text(page.Find("[data-leave-workspace]")));
    }

    [Fact]
    public async Task Render_Stranger_ShowsNotFoundAndNothingOfTheWorkspace()
    {
        var eve = await AddUserAsync("eve@midx.test", "Eve Outsider");
        SignIn(eve);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForAssertion(() => Assert.Contains("We couldn't find that page", page.Markup));
        Assert.DoesNotContain("Harbour Films", page.Markup);
        Assert.DoesNotContain("Ada Lovelace", page.Markup);
        Assert.DoesNotContain("bob@midx.test", page.Markup);
    }

    [Fact]
    public async Task Render_NoSuchWorkspace_ShowsTheSameNotFound()
    {
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Contains("We couldn't find that page", page.Markup));
    }

    [Fact]
    public void Render_PersonalWorkspace_ExplainsItAndLinksToCreatingASharedOne()
    {
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _ada.Id));

        var personal = page.WaitForElement("[data-personal-workspace]");
        Assert.Contains("This is your personal workspace; create a shared workspace to work with others.", Text(personal));
        Assert.Equal(NewWorkspacePage.Path, personal.QuerySelector("a")?.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-invite-form]"));
        Assert.Empty(page.FindAll("[data-leave-workspace]"));
    }

    [Fact]
    public void Render_LastOwner_CannotLeaveOrChangeTheirOwnRole()
    {
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForAssertion(() => Assert.True(page.Find("[data-leave-workspace]").HasAttribute("disabled")));
        var selects = page.FindComponents<MudBlazor.MudSelect<WorkspaceRole>>().Where(s => s.Instance.Label?.StartsWith("Role of ") == true);
        Assert.Equal([true, false], selects.Select(s => s.Instance.Disabled));
    }

    [Fact]
    public async Task Invite_Email_ShowsTheLinkToCopyWithItsExpiryAndListsItPending()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-invite-form]");

        page.Find("input[data-invite-email]").Input("grace@example.com");
        page.Find("[data-invite-submit]").Click();

        var link = page.WaitForElement("[data-invite-link]");
        Assert.Contains("Send this link to grace@example.com — it works once, for that Google account, until 29 Nov 2026, 09:00 UTC.", Text(link));
        var url = page.Find("[data-invite-link] input").GetAttribute("value")!;
        Assert.StartsWith("http://localhost/invitations/", url);
        var secret = url["http://localhost/invitations/".Length..];
        Assert.Equal(InvitationSecret.Hash(secret), await WithDbAsync(db => db.WorkspaceInvitations.Select(i => i.TokenHash).SingleAsync()));
        page.WaitForAssertion(() => Assert.Equal(["grace@example.com"], page.FindAll("[data-invitation-email]").Select(Text)));
    }

    [Fact]
    public void CopyLink_AfterInviting_CopiesTheWholeLinkAndSaysSo()
    {
        var clipboard = Context.JSInterop.SetupModule("./js/clipboard.js");
        var copy = clipboard.Setup<bool>("copy", _ => true);
        copy.SetResult(true);
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-invite-form]");
        page.Find("input[data-invite-email]").Input("grace@example.com");
        page.Find("[data-invite-submit]").Click();
        var url = page.WaitForElement("[data-invite-link] input").GetAttribute("value");

        page.FindAll("[data-invite-link] button").Single(b => Text(b) == "Copy link").Click();

        providers.WaitForAssertion(() => Assert.Contains("The link is copied.", Text(providers.Find(".mud-snackbar"))));
        Assert.Equal(url, Assert.Single(copy.Invocations).Arguments.Single());
    }

    [Fact]
    public void Invite_EmailOfAMember_SaysSoAndShowsNoLink()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-invite-form]");

        page.Find("input[data-invite-email]").Input("BOB@midx.test");
        page.Find("[data-invite-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("bob@midx.test is already a member of Harbour Films.", Text(page.Find("[data-invite-error]"))));
        Assert.Empty(page.FindAll("[data-invite-link]"));
    }

    [Fact]
    public async Task Remove_Confirmed_SaysTheirSessionsEndAndTakesThemOut()
    {
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-remove-member]").Click();

        var dialog = providers.WaitForElement("[data-member-dialog]");
        Assert.Contains("They are signed out of Midx everywhere, and any page they have open closes within 30 seconds", Text(dialog));
        providers.Find("[data-member-confirm]").Click();
        page.WaitForAssertion(() => Assert.Equal(["Ada Lovelace (you)"], page.FindAll("[data-member-name]").Select(Text)));
        Assert.Null(await RoleOfAsync(_team.Id, _bob.Id));
    }

    [Fact]
    public async Task Remove_Cancelled_KeepsTheMember()
    {
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-remove-member]").Click();
        providers.WaitForElements(".mud-dialog button").Single(b => Text(b) == "Keep as it is").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
        Assert.Equal(WorkspaceRole.Viewer, await RoleOfAsync(_team.Id, _bob.Id));
    }

    [Fact]
    public async Task ChangeRole_OwnerPicksEditor_SavesItAndShowsTheNewRole()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-remove-member]");

        var bobs = page.FindComponents<MudBlazor.MudSelect<WorkspaceRole>>().Single(s => s.Instance.Label == "Role of Bob Viewer");
        await page.InvokeAsync(() => bobs.Instance.ValueChanged.InvokeAsync(WorkspaceRole.Editor));

        Assert.Equal(WorkspaceRole.Editor, await RoleOfAsync(_team.Id, _bob.Id));
        page.WaitForAssertion(() => Assert.Equal(["Owner", "Editor"], page.FindAll("[data-member-role] input").Select(i => i.GetAttribute("value"))));
    }

    [Fact]
    public async Task Revoke_PendingInvitation_TakesItOffTheList()
    {
        await InviteAsync(_ada, _team, "grace@example.com");
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-revoke-invitation]").Click();

        page.WaitForAssertion(() => Assert.Contains("No invitation is waiting to be accepted.", Text(page.Find("[data-pending-invitations]"))));
    }

    [Fact]
    public async Task Leave_Confirmed_OpensTheirPersonalWorkspace()
    {
        SignIn(_bob);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-leave-workspace]").Click();
        providers.WaitForElement("[data-member-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal((WorkspaceEndpoints.OpenUrl(_bob.Id, "/"), true), LastNavigation()));
        Assert.Null(await RoleOfAsync(_team.Id, _bob.Id));
    }
}
