using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Workspaces;
using Midx.Core.Data;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Workspaces;

/// <summary>The workspace and invitation pages over real HTTP, in the running app.</summary>
public sealed class WorkspaceEndpointsTests : IDisposable
{
    // Request lines logged, as an operator chasing a problem might turn them on: an invitation's link is one of them.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });

    [Fact]
    public async Task GetWorkspacePage_NonMember_ShowsNotFoundAndNoMemberData()
    {
        using var grace = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        using var eve = await _app.SignInAsync("eve@sandbox.midx.test", "Eve Outsider");
        var team = await CreateWorkspaceAsync("grace@sandbox.midx.test", "Harbour Films");

        var html = WebUtility.HtmlDecode(await eve.GetStringAsync(WorkspacePage.Url(team)));

        Assert.Contains("We couldn't find that page", html);
        Assert.DoesNotContain("Harbour Films", html);
        Assert.DoesNotContain("Grace Hopper", html);
        Assert.DoesNotContain("grace@sandbox.midx.test", html);
    }

    [Fact]
    public async Task GetWorkspacePage_Member_ShowsItsMembers()
    {
        using var grace = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        var team = await CreateWorkspaceAsync("grace@sandbox.midx.test", "Harbour Films");

        var html = WebUtility.HtmlDecode(await grace.GetStringAsync(WorkspacePage.Url(team)));

        Assert.Contains("Harbour Films", html);
        Assert.Contains("grace@sandbox.midx.test", html);
        Assert.DoesNotContain("We couldn't find that page", html);
    }

    [Fact]
    public async Task GetInvitation_Visitor_IsSentToSignInAndBackWithoutTheSecretReachingTheLogs()
    {
        using var grace = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        var team = await CreateWorkspaceAsync("grace@sandbox.midx.test", "Harbour Films");
        var secret = await InviteAsync("grace@sandbox.midx.test", team, "alan@sandbox.midx.test");
        using var visitor = _app.CreateHttpClient();

        using var response = await visitor.GetAsync(InvitationPage.Url(secret));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
        Assert.Contains("/signin", location);
        Assert.EndsWith("/signin?returnUrl=" + InvitationPage.Url(secret), location, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/invitations/[redacted]", _app.Logs.AllText);
        Assert.DoesNotContain(secret, _app.Logs.AllText);
    }

    [Fact]
    public async Task GetInvitation_InvitedPerson_ShowsTheWorkspaceAndTheAcceptButton()
    {
        using var grace = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        var team = await CreateWorkspaceAsync("grace@sandbox.midx.test", "Harbour Films");
        var secret = await InviteAsync("grace@sandbox.midx.test", team, "Alan@sandbox.midx.test");
        using var alan = await _app.SignInAsync("alan@sandbox.midx.test", "Alan Turing");

        var html = WebUtility.HtmlDecode(await alan.GetStringAsync(InvitationPage.Url(secret)));

        Assert.Contains("Join Harbour Films", html);
        Assert.Contains("Grace Hopper invited you", html);
        Assert.DoesNotContain(secret, _app.Logs.AllText);
    }

    [Fact]
    public async Task SwitchAccount_OtherAccount_SignsOutAndOpensSignInComingBackToTheInvitation()
    {
        using var grace = await _app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        var team = await CreateWorkspaceAsync("grace@sandbox.midx.test", "Harbour Films");
        var secret = await InviteAsync("grace@sandbox.midx.test", team, "alan@sandbox.midx.test");
        using var eve = await _app.SignInAsync("eve@sandbox.midx.test", "Eve Outsider");
        var invitation = InvitationPage.Url(secret);

        using var response = await eve.PostFormAsync(invitation, WorkspaceEndpoints.SwitchAccountPath, ("returnUrl", invitation));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=" + Uri.EscapeDataString(invitation), response.Headers.Location!.OriginalString);
        using var after = await eve.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SwitchAccount_AddressOfAnotherSite_GoesToSignInWithoutIt()
    {
        using var eve = await _app.SignInAsync("eve@sandbox.midx.test", "Eve Outsider");

        using var response = await eve.PostDialogFormAsync("/settings", WorkspaceEndpoints.SwitchAccountPath, ("returnUrl", "//evil.example/x"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SwitchAccount_WithoutTheFormsToken_LeavesThemSignedIn()
    {
        using var eve = await _app.SignInAsync("eve@sandbox.midx.test", "Eve Outsider");

        using var response = await eve.PostAsync(WorkspaceEndpoints.SwitchAccountPath,
            new FormUrlEncodedContent([new("returnUrl", "/settings")]));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        using var after = await eve.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private async Task<Guid> CreateWorkspaceAsync(string ownerEmail, string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var owner = await UserIdAsync(scope.ServiceProvider, ownerEmail);
        var result = await scope.ServiceProvider.GetRequiredService<CreateWorkspaceCommand>().ExecuteAsync(owner, name, CancellationToken.None);
        return result.WorkspaceId!.Value;
    }

    private async Task<string> InviteAsync(string ownerEmail, Guid workspaceId, string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var owner = await UserIdAsync(scope.ServiceProvider, ownerEmail);
        var result = await scope.ServiceProvider.GetRequiredService<InviteMemberCommand>()
            .ExecuteAsync(owner, workspaceId, email, WorkspaceRole.Editor, CancellationToken.None);
        Assert.True(result.Result.Succeeded, result.Result.Message);
        return result.Link!.Secret;
    }

    private static Task<Guid> UserIdAsync(IServiceProvider services, string email) =>
        services.GetRequiredService<MidxDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    public void Dispose() => _app.Dispose();
}
