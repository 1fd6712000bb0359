using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.Core.Workspaces;

/// <summary>
/// An Owner renames a shared workspace, sets its posting boundary, or asks that posts be approved before they go (posts
/// composed before keep their way; posts already awaiting review still wait for a Publisher or Owner). With inbox drafts only, Midx asks TikTok for no
/// Direct Post permission when an account is linked there and never offers Direct Post there; posts already waiting keep
/// going as they were sent, and a retry of a Direct Post is refused with the reason.
/// </summary>
public sealed class UpdateWorkspaceSettingsCommand(MidxDbContext db, AuditLog audit)
{
    public const string Saved = "Settings saved.";

    public const string NotAllowedMessage = "Only an Owner of this workspace can change its settings.";

    public const string PersonalRefused = "Your personal workspace keeps its name and sends as your Midx account always has.";

    public async Task<WorkspaceActionResult> ExecuteAsync(Guid userId, Guid workspaceId, string? name, bool inboxDraftsOnly, bool requiresReview, CancellationToken cancellationToken)
    {
        var (workspace, refusal) = await db.FindWhereAllowedAsync(userId, workspaceId, WorkspacePermission.ManageSettings,
            new WorkspaceActionResult(WorkspaceActionOutcome.NotAllowed, NotAllowedMessage), cancellationToken);
        if (workspace is null)
        {
            return refusal!;
        }

        if (workspace.IsPersonal)
        {
            return WorkspaceActionResult.Refused(PersonalRefused);
        }

        if (CreateWorkspaceCommand.Problem(name) is { } problem)
        {
            return WorkspaceActionResult.Refused(problem);
        }

        var changes = new List<string>();
        if (workspace.Name != name!.Trim())
        {
            changes.Add("renamed");
            workspace.Name = name.Trim();
        }

        if (workspace.InboxDraftsOnly != inboxDraftsOnly)
        {
            changes.Add(inboxDraftsOnly ? "inbox drafts only" : "Direct Post allowed");
            workspace.InboxDraftsOnly = inboxDraftsOnly;
        }

        if (workspace.RequiresReview != requiresReview)
        {
            changes.Add(requiresReview ? "posts need approval" : "posts go without approval");
            workspace.RequiresReview = requiresReview;
        }

        if (changes.Count > 0)
        {
            audit.Add(AuditActions.WorkspaceSettingsChanged, userId, userId, $"workspace {workspace.Id}: {string.Join(", ", changes)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return WorkspaceActionResult.Done(Saved);
    }
}
