using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.Tests.Admin;

public sealed class UserDetailQueryTests : AdminDatabase
{
    [Fact]
    public async Task Execute_PersonalAndSharedWorkspaces_ListsPersonalFirstThenByNameWithTheirRole()
    {
        var grace = Db.AddUser("grace@example.test", Now.AddDays(-9));
        var alan = Db.AddUser("alan@example.test", Now.AddDays(-9));
        var zebra = Db.AddWorkspace("Zebra Crossing", alan, Now.AddDays(-3));
        var orbit = Db.AddWorkspace("orbit studio", alan, Now.AddDays(-2));
        Db.AddMember(zebra, grace, WorkspaceRole.Editor, Now.AddDays(-1));
        Db.AddMember(orbit, grace, WorkspaceRole.Viewer, Now.AddDays(-1));
        await Db.SaveChangesAsync();
        var db = NewContext();

        var detail = await new UserDetailQuery(db, new UploadListQuery(db), new AuditLogQuery(db)).ExecuteAsync(grace.Id, CancellationToken.None);

        Assert.Equal(
            [(grace.Id, Workspace.PersonalName, WorkspaceRole.Owner), (orbit.Id, "orbit studio", WorkspaceRole.Viewer), (zebra.Id, "Zebra Crossing", WorkspaceRole.Editor)],
            detail!.Workspaces.Select(w => (w.WorkspaceId, w.Name, w.Role)));
    }
}
