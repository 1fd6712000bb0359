using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.Tests.Workspaces;

/// <summary>An Owner's rename and posting boundary, and who may not change them.</summary>
public sealed class UpdateWorkspaceSettingsCommandTests : WorkspacesDatabase
{
    private UpdateWorkspaceSettingsCommand Update => new(Db, Audit);

    [Fact]
    public async Task Execute_OwnerRenamesAndSetsInboxDraftsOnly_SavesBothAndAuditsThem()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Update.ExecuteAsync(ada.Id, team.Id, "  Harbour Studio ", inboxDraftsOnly: true, requiresReview: false, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        var saved = await ReadAsync(db => db.Workspaces.SingleAsync(w => w.Id == team.Id));
        Assert.Equal(("Harbour Studio", true), (saved.Name, saved.InboxDraftsOnly));
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceSettingsChanged));
        Assert.EndsWith("renamed, inbox drafts only", audit.Detail);
    }

    [Fact]
    public async Task Execute_OwnerAsksForApproval_SavesItAndAuditsIt()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Update.ExecuteAsync(ada.Id, team.Id, "Harbour Films", inboxDraftsOnly: false, requiresReview: true, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        var saved = await ReadAsync(db => db.Workspaces.SingleAsync(w => w.Id == team.Id));
        Assert.Equal((false, true), (saved.InboxDraftsOnly, saved.RequiresReview));
        var audit = Assert.Single(await AuditAsync(AuditActions.WorkspaceSettingsChanged));
        Assert.EndsWith("posts need approval", audit.Detail);
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Execute_MemberWhoIsNotAnOwner_IsNotAllowedAndNothingChanges(WorkspaceRole role)
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner), (bob, role));

        var result = await Update.ExecuteAsync(bob.Id, team.Id, "Taken over", inboxDraftsOnly: true, requiresReview: false, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.NotAllowed, UpdateWorkspaceSettingsCommand.NotAllowedMessage), (result.Outcome, result.Message));
        var saved = await ReadAsync(db => db.Workspaces.SingleAsync(w => w.Id == team.Id));
        Assert.Equal(("Harbour Films", false), (saved.Name, saved.InboxDraftsOnly));
    }

    [Fact]
    public async Task Execute_Stranger_IsToldThereIsNoSuchWorkspace()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Update.ExecuteAsync(eve.Id, team.Id, "Mine now", inboxDraftsOnly: false, requiresReview: false, CancellationToken.None);

        Assert.Equal(WorkspaceActionOutcome.NotFound, result.Outcome);
        Assert.Equal("Harbour Films", await ReadAsync(db => db.Workspaces.Where(w => w.Id == team.Id).Select(w => w.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("   ", CreateWorkspaceCommand.NameRequired)]
    [InlineData(null, CreateWorkspaceCommand.NameRequired)]
    public async Task Execute_NoName_IsRefusedWithWhatIsMissing(string? name, string message)
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");
        var team = await AddSharedAsync("Harbour Films", (ada, WorkspaceRole.Owner));

        var result = await Update.ExecuteAsync(ada.Id, team.Id, name, inboxDraftsOnly: false, requiresReview: false, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, message), (result.Outcome, result.Message));
    }

    [Fact]
    public async Task Execute_PersonalWorkspace_IsRefused()
    {
        var ada = await AddUserAsync("ada@midx.test", "Ada");

        var result = await Update.ExecuteAsync(ada.Id, ada.Id, "Ada's", inboxDraftsOnly: true, requiresReview: false, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, UpdateWorkspaceSettingsCommand.PersonalRefused), (result.Outcome, result.Message));
        Assert.False(await ReadAsync(db => db.Workspaces.Where(w => w.Id == ada.Id).Select(w => w.InboxDraftsOnly).SingleAsync()));
    }
}
