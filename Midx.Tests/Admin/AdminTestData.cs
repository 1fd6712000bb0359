using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;

using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>Small builders for the rows the console reads; each adds to the context and returns the entity.</summary>
internal static class AdminTestData
{
    public static User AddUser(this MidxDbContext db, string email, DateTime at, bool isAdmin = false, string? name = null)
    {
        var user = new User
        {
            GoogleSubject = "sub-" + email,
            Email = email,
            Name = name ?? email.Split('@')[0],
            IsAdmin = isAdmin,
            CreatedAt = at,
            LastSeenAt = at,
        };
        db.AddPerson(user);
        return user;
    }

    public static TikTokAccount AddAccount(this MidxDbContext db, User user, string username, DateTime at)
    {
        var account = new TikTokAccount
        {
            UserId = user.Id,
            WorkspaceId = user.Id,
            OpenId = "open-" + username,
            Username = username,
            DisplayName = username.ToUpperInvariant(),
            GrantedScopes = "user.info.basic,video.publish,video.upload",
            ConnectedAt = at,
            LastSeenAt = at,
        };
        db.TikTokAccounts.Add(account);
        return account;
    }

    public static PublishJob AddJob(
        this MidxDbContext db,
        TikTokAccount account,
        DateTime createdAt,
        JobState state = JobState.Published,
        PublishMode mode = PublishMode.Direct,
        VideoSource source = VideoSource.File,
        string? errorCode = null,
        DateTime? updatedAt = null,
        DateTime? scheduledAt = null,
        Guid? id = null)
    {
        var job = new PublishJob
        {
            Id = id ?? Guid.CreateVersion7(new DateTimeOffset(createdAt)),
            UserId = account.UserId,
            WorkspaceId = account.WorkspaceId,
            TikTokAccountId = account.Id,
            Mode = mode,
            Source = source,
            FileName = source == VideoSource.File ? "clip.mp4" : null,
            SourceUrl = source == VideoSource.Url ? "https://videos.example.test/clip.mp4" : null,
            FileSize = 1_234_567,
            MimeType = "video/mp4",
            Caption = "A caption",
            PrivacyLevel = "SELF_ONLY",
            State = state,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt ?? createdAt,
            ScheduledAt = scheduledAt,
            ErrorCode = errorCode,
            ErrorMessage = errorCode is null ? null : "TikTok said " + errorCode,
            SubmissionKey = Guid.NewGuid().ToString("N"),
        };
        db.PublishJobs.Add(job);
        return job;
    }

    /// <summary>A shared workspace with <paramref name="owner"/> as its first Owner.</summary>
    public static Workspace AddWorkspace(this MidxDbContext db, string name, User owner, DateTime at, bool inboxDraftsOnly = false)
    {
        var workspace = new Workspace { Name = name, CreatedAt = at, InboxDraftsOnly = inboxDraftsOnly };
        db.Workspaces.Add(workspace);
        db.AddMember(workspace, owner, WorkspaceRole.Owner, at);
        return workspace;
    }

    public static WorkspaceMember AddMember(this MidxDbContext db, Workspace workspace, User user, WorkspaceRole role, DateTime at)
    {
        var member = new WorkspaceMember { WorkspaceId = workspace.Id, UserId = user.Id, Role = role, JoinedAt = at };
        db.WorkspaceMembers.Add(member);
        return member;
    }

    /// <summary>An invitation, pending unless it is given an end; its token hash is <paramref name="tokenHash"/>.</summary>
    public static WorkspaceInvitation AddInvitation(
        this MidxDbContext db, Workspace workspace, string email, User invitedBy, DateTime at, WorkspaceRole role = WorkspaceRole.Editor,
        string? tokenHash = null, DateTime? expiresAt = null, DateTime? acceptedAt = null, DateTime? revokedAt = null)
    {
        var invitation = new WorkspaceInvitation
        {
            WorkspaceId = workspace.Id,
            Email = email,
            Role = role,
            TokenHash = tokenHash ?? Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            InvitedByUserId = invitedBy.Id,
            CreatedAt = at,
            ExpiresAt = expiresAt ?? at + WorkspaceInvitation.Lifetime,
            AcceptedAt = acceptedAt,
            RevokedAt = revokedAt,
        };
        db.WorkspaceInvitations.Add(invitation);
        return invitation;
    }

    /// <summary>Moves an account (and the posts added after it) into <paramref name="workspace"/>.</summary>
    public static TikTokAccount In(this TikTokAccount account, Workspace workspace)
    {
        account.WorkspaceId = workspace.Id;
        return account;
    }
}
