namespace Midx.Core.Workspaces;

/// <summary>
/// What owns linked TikTok accounts and posts, and what people share them through. Everyone has a personal workspace,
/// created with them and carrying their own id (<see cref="PersonalFor"/>), so a person alone sees Midx as it always was;
/// a shared workspace is created by its first Owner and grows by invitation.
/// </summary>
public sealed class Workspace
{
    public const int MaxNameLength = 80;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>The workspace created with its person; it never has other members and goes when they go.</summary>
    public bool IsPersonal { get; set; }

    /// <summary>
    /// Inbox drafts only: Midx asks TikTok for no <c>video.publish</c> scope when an account is linked here and never offers
    /// Direct Post here. An installation can set this for every workspace (<c>TikTok:InboxDraftsOnly</c>).
    /// </summary>
    public bool InboxDraftsOnly { get; set; }

    /// <summary>
    /// Posts need approval: a post composed by a member who may not approve (an Editor) waits at
    /// <see cref="Publishing.JobState.AwaitingReview"/> until a Publisher or Owner approves it or sends it back.
    /// </summary>
    public bool RequiresReview { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A person's own workspace and their Owner membership of it, both keyed by the person's id.</summary>
    public static (Workspace Workspace, WorkspaceMember Owner) PersonalFor(Guid userId, DateTime now) => (
        new Workspace { Id = userId, Name = PersonalName, IsPersonal = true, CreatedAt = now },
        new WorkspaceMember { WorkspaceId = userId, UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now });

    /// <summary>How the switcher names everyone's own workspace.</summary>
    public const string PersonalName = "Personal";
}
