using Microsoft.AspNetCore.Http;
using Midx.App.Workspaces;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

public sealed class WorkspaceChoiceTests
{
    private static readonly Guid Other = Guid.Parse("01a23cea-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("/compose", "/compose")]
    [InlineData("/history", "/history")]
    [InlineData("/accounts", "/accounts")]
    [InlineData("/settings", "/settings")]
    [InlineData("/jobs/01a23cea-36aa-7ed0-9032-664000000000", "/history")]
    [InlineData("/admin", "/history")]
    [InlineData("/workspaces/new", "/workspaces/01a23cea-0000-7000-8000-000000000001")]
    [InlineData("/", "/history")]
    public void PageInOther_FromAPage_OpensTheSameListOrTheHistory(string from, string expected) =>
        Assert.Equal(expected, WorkspaceChoice.PageInOther(from, Other));

    [Fact]
    public void Requested_AddressAndCookie_TheAddressWins()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString($"?{WorkspaceChoice.QueryParameter}={Other}");
        context.Request.Headers.Cookie = $"{WorkspaceChoice.CookieName}={Guid.CreateVersion7()}";

        Assert.Equal(Other, WorkspaceChoice.Requested(context));
    }

    [Fact]
    public void Requested_CookieOnlyOrNothingOrGarbage_TheCookieOrNone()
    {
        var remembered = new DefaultHttpContext();
        remembered.Request.Headers.Cookie = $"{WorkspaceChoice.CookieName}={Other}";
        var garbage = new DefaultHttpContext();
        garbage.Request.QueryString = new QueryString($"?{WorkspaceChoice.QueryParameter}=not-a-workspace");

        Assert.Equal(Other, WorkspaceChoice.Requested(remembered));
        Assert.Null(WorkspaceChoice.Requested(garbage));
        Assert.Null(WorkspaceChoice.Requested(null));
    }

    [Fact]
    public void Pick_AWorkspaceNotAmongMine_ThePersonalOne()
    {
        var personal = new WorkspaceMembership(Guid.CreateVersion7(), "Personal", IsPersonal: true, InboxDraftsOnly: false, WorkspaceRole.Owner);
        var studio = new WorkspaceMembership(Other, "Studio", IsPersonal: false, InboxDraftsOnly: false, WorkspaceRole.Editor);

        Assert.Equal(studio, WorkspaceChoice.Pick([personal, studio], Other));
        Assert.Equal(personal, WorkspaceChoice.Pick([personal, studio], Guid.CreateVersion7()));
        Assert.Equal(personal, WorkspaceChoice.Pick([personal, studio], null));
        Assert.Null(WorkspaceChoice.Pick([], Other));
    }

    [Fact]
    public void Link_PersonalWorkspaceOrNone_LeavesTheAddressAlone_SharedNamesIt()
    {
        var personal = new WorkspaceMembership(Guid.CreateVersion7(), "Personal", IsPersonal: true, InboxDraftsOnly: false, WorkspaceRole.Owner);
        var studio = new WorkspaceMembership(Other, "Studio", IsPersonal: false, InboxDraftsOnly: false, WorkspaceRole.Editor);

        Assert.Equal("/history", WorkspaceChoice.Link("/history", personal));
        Assert.Equal("/history", WorkspaceChoice.Link("/history", null));
        Assert.Equal($"/history?workspace={Other}", WorkspaceChoice.Link("/history", studio));
    }
}
