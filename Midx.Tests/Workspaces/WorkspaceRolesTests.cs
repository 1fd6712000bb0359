using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

/// <summary>The one table of what each role may do, written out here row by row: a change to it must change this too.</summary>
public sealed class WorkspaceRolesTests
{
    public static TheoryData<WorkspaceRole, WorkspacePermission, bool> Table => new()
    {
        { WorkspaceRole.Owner, WorkspacePermission.View, true },
        { WorkspaceRole.Owner, WorkspacePermission.Compose, true },
        { WorkspaceRole.Owner, WorkspacePermission.LinkAccounts, true },
        { WorkspaceRole.Owner, WorkspacePermission.Approve, true },
        { WorkspaceRole.Owner, WorkspacePermission.ManageMembers, true },
        { WorkspaceRole.Owner, WorkspacePermission.ManageSettings, true },

        { WorkspaceRole.Publisher, WorkspacePermission.View, true },
        { WorkspaceRole.Publisher, WorkspacePermission.Compose, true },
        { WorkspaceRole.Publisher, WorkspacePermission.LinkAccounts, true },
        { WorkspaceRole.Publisher, WorkspacePermission.Approve, true },
        { WorkspaceRole.Publisher, WorkspacePermission.ManageMembers, false },
        { WorkspaceRole.Publisher, WorkspacePermission.ManageSettings, false },

        { WorkspaceRole.Editor, WorkspacePermission.View, true },
        { WorkspaceRole.Editor, WorkspacePermission.Compose, true },
        { WorkspaceRole.Editor, WorkspacePermission.LinkAccounts, false },
        { WorkspaceRole.Editor, WorkspacePermission.Approve, false },
        { WorkspaceRole.Editor, WorkspacePermission.ManageMembers, false },
        { WorkspaceRole.Editor, WorkspacePermission.ManageSettings, false },

        { WorkspaceRole.Viewer, WorkspacePermission.View, true },
        { WorkspaceRole.Viewer, WorkspacePermission.Compose, false },
        { WorkspaceRole.Viewer, WorkspacePermission.LinkAccounts, false },
        { WorkspaceRole.Viewer, WorkspacePermission.Approve, false },
        { WorkspaceRole.Viewer, WorkspacePermission.ManageMembers, false },
        { WorkspaceRole.Viewer, WorkspacePermission.ManageSettings, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Allows_EachRoleAndPermission_MatchesTheTable(WorkspaceRole role, WorkspacePermission permission, bool allowed) =>
        Assert.Equal(allowed, WorkspaceRoles.Allows(role, permission));

    [Theory]
    [MemberData(nameof(Table))]
    public void RolesAllowing_EachRoleAndPermission_ListsTheRoleExactlyWhenTheTableSaysYes(WorkspaceRole role, WorkspacePermission permission, bool allowed) =>
        Assert.Equal(allowed, WorkspaceRoles.RolesAllowing(permission).Contains(role));

    [Fact]
    public void Table_EveryRoleAndPermission_IsWrittenOutAbove()
    {
        var written = Table.Select(row => ((WorkspaceRole)row[0], (WorkspacePermission)row[1])).ToHashSet();

        var all = Enum.GetValues<WorkspaceRole>().SelectMany(r => Enum.GetValues<WorkspacePermission>().Select(p => (r, p)));

        Assert.All(all, pair => Assert.Contains(pair, written));
    }

    [Fact]
    public void Describe_EveryRole_SaysWhatItIsFor() =>
        Assert.All(Enum.GetValues<WorkspaceRole>(), role => Assert.False(string.IsNullOrWhiteSpace(WorkspaceRoles.Describe(role))));
}
