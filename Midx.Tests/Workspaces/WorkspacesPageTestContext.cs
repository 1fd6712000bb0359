using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Admin;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Workspaces;

/// <summary>A <see cref="PageTestContext"/> with shared workspaces, invitations through the real command, and where the page navigated.</summary>
public abstract class WorkspacesPageTestContext : PageTestContext
{
    /// <summary>Invites <paramref name="email"/> through the real command and hands back the link's secret.</summary>
    protected async Task<string> InviteAsync(User owner, Workspace workspace, string email, WorkspaceRole role = WorkspaceRole.Editor)
    {
        await using var db = NewContext();
        var time = TestClock.Create();
        var result = await new InviteMemberCommand(db, new AuditLog(db, time), time)
            .ExecuteAsync(owner.Id, workspace.Id, email, role, CancellationToken.None);
        Assert.True(result.Result.Succeeded, result.Result.Message);
        return result.Link!.Secret;
    }

    protected async Task<T> WithDbAsync<T>(Func<MidxDbContext, Task<T>> work)
    {
        await using var db = NewContext();
        return await work(db);
    }

    protected Task<WorkspaceRole?> RoleOfAsync(Guid workspaceId, Guid userId) =>
        WithDbAsync(db => db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync());

    /// <summary>The last address the page sent the browser to, relative to the site, and whether as a new page load.</summary>
    protected (string Address, bool ForceLoad) LastNavigation()
    {
        var navigation = Context.Services.GetRequiredService<BunitNavigationManager>();
        var last = navigation.History.First();
        return ("/" + navigation.ToBaseRelativePath(navigation.ToAbsoluteUri(last.Uri).ToString()), last.Options.ForceLoad);
    }
}
