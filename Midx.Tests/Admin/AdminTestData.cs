using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

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
}
