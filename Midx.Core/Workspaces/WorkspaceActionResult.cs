namespace Midx.Core.Workspaces;

/// <summary>What became of a change to a workspace's members or invitations, with a sentence the page shows as it is.</summary>
public sealed record WorkspaceActionResult(WorkspaceActionOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == WorkspaceActionOutcome.Done;

    /// <summary>Said for a workspace, member or invitation that does not exist and for one the person may not see alike.</summary>
    public const string NotFoundMessage = "There is no such workspace, member or invitation, or it is not open to you.";

    public const string NotAllowedMessage = "Only an Owner of this workspace can manage its members.";

    public static WorkspaceActionResult Done(string message) => new(WorkspaceActionOutcome.Done, message);

    public static WorkspaceActionResult NotFound() => new(WorkspaceActionOutcome.NotFound, NotFoundMessage);

    public static WorkspaceActionResult NotAllowed() => new(WorkspaceActionOutcome.NotAllowed, NotAllowedMessage);

    public static WorkspaceActionResult Refused(string message) => new(WorkspaceActionOutcome.Refused, message);
}

public enum WorkspaceActionOutcome
{
    Done,

    /// <summary>No such workspace, member or invitation, or the person is not a member: the two are never told apart.</summary>
    NotFound,

    /// <summary>A member whose role does not allow it.</summary>
    NotAllowed,

    /// <summary>Against a rule (the last Owner, a personal workspace, an email already invited).</summary>
    Refused,
}
