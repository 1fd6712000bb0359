using Bunit;
using Microsoft.EntityFrameworkCore;
using Midx.App.Workspaces;
using Midx.Core.Workspaces;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Workspaces;

public sealed class NewWorkspacePageTests : WorkspacesPageTestContext
{
    [Fact]
    public async Task Create_Name_CreatesItAndOpensItsPageAsTheCurrentWorkspace()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        SignIn(ada);
        var page = Render<NewWorkspacePage>();

        page.Find("input[data-workspace-name]").Input("  Harbour Films ");
        page.Find("[data-create-workspace]").Click();

        var created = await WithDbAsync(db => db.Workspaces.SingleAsync(w => !w.IsPersonal));
        Assert.Equal("Harbour Films", created.Name);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(created.Id, ada.Id));
        page.WaitForAssertion(() => Assert.Equal((WorkspaceEndpoints.OpenUrl(created.Id, WorkspacePage.Url(created.Id)), true), LastNavigation()));
    }

    [Fact]
    public async Task Create_NoName_SaysWhatIsMissingAndCreatesNothing()
    {
        SignIn(await AddUserAsync("ada@midx.test", "Ada Lovelace"));
        var page = Render<NewWorkspacePage>();

        page.Find("input[data-workspace-name]").Input("   ");
        page.Find("[data-create-workspace]").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the workspace a name.", Text(page.Find(".mud-input-helper-text"))));
        Assert.Equal(0, await WithDbAsync(db => db.Workspaces.CountAsync(w => !w.IsPersonal)));
    }
}
