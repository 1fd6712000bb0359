using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing.Review;

/// <summary>
/// The publishing harness with a shared workspace, Studio, that asks for review: an Owner, a Publisher, an Editor and a
/// Viewer in it, a stranger outside it, and a TikTok account linked there. Posts go through the real commands, each on
/// its own context; reads come from fresh ones.
/// </summary>
internal sealed class ReviewStudio : IAsyncDisposable
{
    /// <summary>The creator_info the compose page and the review panel read, unless a test says TikTok changed it.</summary>
    public static readonly CreatorSnapshot Creator = new("Studio Nick", "studio", "https://avatar.test/studio.png",
        ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], CommentDisabled: false, DuetDisabled: false, StitchDisabled: false, 300);

    private readonly Dictionary<WorkspaceRole, User> _members = [];

    private ReviewStudio(PublishingHarness harness) => Harness = harness;

    public PublishingHarness Harness { get; }

    public Place Studio { get; private set; } = default!;

    public User Stranger { get; private set; } = default!;

    public User Owner => _members[WorkspaceRole.Owner];

    public User Publisher => _members[WorkspaceRole.Publisher];

    public User Editor => _members[WorkspaceRole.Editor];

    public User Viewer => _members[WorkspaceRole.Viewer];

    public DateTime Now => Harness.Now;

    public static async Task<ReviewStudio> CreateAsync()
    {
        var studio = new ReviewStudio(await PublishingHarness.CreateAsync());
        foreach (var (role, name) in new[]
        {
            (WorkspaceRole.Owner, "Olga Owner"), (WorkspaceRole.Publisher, "Pat Publisher"), (WorkspaceRole.Editor, "Eve Editor"),
            (WorkspaceRole.Viewer, "Vic Viewer"),
        })
        {
            studio._members[role] = await studio.AddUserAsync(name);
        }

        studio.Stranger = await studio.AddUserAsync("Sam Stranger");
        studio.Studio = await studio.AddWorkspaceAsync("Studio", requiresReview: true, studio._members.Select(m => (m.Value, m.Key)).ToArray());
        return studio;
    }

    public User Member(WorkspaceRole role) => _members[role];

    /// <summary>A person as their first sign-in leaves them, with their personal workspace.</summary>
    public async Task<User> AddUserAsync(string name)
    {
        await using var db = Harness.Database.NewContext();
        var email = name.Split(' ')[0].ToLowerInvariant() + "@midx.test";
        var user = db.AddPerson(new User { GoogleSubject = "sub-" + email, Email = email, Name = name, CreatedAt = Now, LastSeenAt = Now });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A shared workspace with its members and a TikTok account linked there by its first member.</summary>
    public async Task<Place> AddWorkspaceAsync(string name, bool requiresReview, params (User User, WorkspaceRole Role)[] members)
    {
        await using var db = Harness.Database.NewContext();
        var workspace = new Workspace { Name = name, RequiresReview = requiresReview, CreatedAt = Now };
        db.Workspaces.Add(workspace);
        foreach (var (user, role) in members)
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspace.Id, UserId = user.Id, Role = role, JoinedAt = Now });
        }

        var account = new TikTokAccount
        {
            UserId = members[0].User.Id,
            WorkspaceId = workspace.Id,
            OpenId = "open-" + Guid.NewGuid().ToString("N"),
            Username = name.ToLowerInvariant(),
            DisplayName = name,
            GrantedScopes = "user.info.basic,video.publish,video.upload",
            ConnectedAt = Now,
            LastSeenAt = Now,
        };
        db.TikTokAccounts.Add(account);
        await db.SaveChangesAsync();
        return new Place(workspace.Id, account.Id);
    }

    public async Task SetRequiresReviewAsync(bool requiresReview)
    {
        await using var db = Harness.Database.NewContext();
        await db.Workspaces.Where(w => w.Id == Studio.WorkspaceId).ExecuteUpdateAsync(w => w.SetProperty(x => x.RequiresReview, requiresReview));
    }

    public Task<StoredMedia> UploadAsync(User composer) => Harness.UploadAsync(composer.Id, VideoFixtures.Mp4TwoSeconds);

    /// <summary>A Direct Post of <paramref name="video"/> as the compose page sends it, in Studio unless <paramref name="place"/> says otherwise.</summary>
    public PublishRequest Request(User composer, StoredMedia video, DateTime? scheduledAt = null, Place? place = null) => new()
    {
        Composer = PostActor.Member(composer.Id),
        WorkspaceId = (place ?? Studio).WorkspaceId,
        TikTokAccountId = (place ?? Studio).AccountId,
        SubmissionKey = Guid.NewGuid().ToString("N"),
        Mode = PublishMode.Direct,
        Source = VideoSource.File,
        UploadId = video.Id,
        Caption = "Studio launch teaser",
        PrivacyLevel = "PUBLIC_TO_EVERYONE",
        ScheduledAtUtc = scheduledAt,
        ConsentGiven = true,
    };

    /// <summary>The edit form of <paramref name="job"/> as <paramref name="editor"/> sends it, with a new caption and time.</summary>
    public PublishRequest EditRequest(User editor, PublishJob job, string caption, DateTime? scheduledAt = null) => new()
    {
        Composer = PostActor.Member(editor.Id),
        WorkspaceId = job.WorkspaceId,
        TikTokAccountId = job.TikTokAccountId!.Value,
        SubmissionKey = job.SubmissionKey,
        Mode = job.Mode,
        Source = job.Source,
        Caption = caption,
        PrivacyLevel = job.PrivacyLevel,
        ScheduledAtUtc = scheduledAt,
        ConsentGiven = true,
    };

    public async Task<PublishingResult<SubmittedJob>> SubmitAsync(PublishRequest request)
    {
        await using var db = Harness.Database.NewContext();
        return await Harness.Submit(db).ExecuteAsync(request, Creator, CancellationToken.None);
    }

    /// <summary>Uploads a video as <paramref name="composer"/> and posts it, failing the test if the post is refused.</summary>
    public async Task<PublishJob> PostAsync(User composer, DateTime? scheduledAt = null, Place? place = null)
    {
        var result = await SubmitAsync(Request(composer, await UploadAsync(composer), scheduledAt, place));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value.Job;
    }

    public async Task<PublishingResult<PublishJob>> ApproveAsync(
        User reviewer, Guid jobId, CreatorSnapshot? creator = null, bool consentGiven = true, bool postNow = false, DateTime? newTimeUtc = null)
    {
        await using var db = Harness.Database.NewContext();
        return await Harness.Approve(db).ExecuteAsync(new Approval(reviewer.Id, jobId, consentGiven, postNow, newTimeUtc), creator ?? Creator, CancellationToken.None);
    }

    public async Task<PublishingResult<PublishJob>> SendBackAsync(User reviewer, Guid jobId, string? comment)
    {
        await using var db = Harness.Database.NewContext();
        return await Harness.SendBack(db).ExecuteAsync(reviewer.Id, jobId, comment, CancellationToken.None);
    }

    public async Task<PublishingResult<PublishJob>> EditAsync(Guid jobId, PublishRequest request)
    {
        await using var db = Harness.Database.NewContext();
        return await Harness.Edit(db).ExecuteAsync(jobId, request, Creator, CancellationToken.None);
    }

    public async Task<PublishingResult<PublishJob>> CancelAsync(User member, Guid jobId)
    {
        await using var db = Harness.Database.NewContext();
        return await Harness.Cancel(db).ExecuteAsync(PostActor.Member(member.Id), jobId, CancellationToken.None);
    }

    /// <summary>Moves a job as the worker would, through each of <paramref name="states"/>.</summary>
    public async Task MoveAsync(Guid jobId, params JobState[] states)
    {
        await using var db = Harness.Database.NewContext();
        var job = await db.PublishJobs.SingleAsync(j => j.Id == jobId);
        foreach (var state in states)
        {
            Assert.NotNull(await Harness.Apply(db).ExecuteAsync(job, new JobChange(state) { Message = state.ToString() }, CancellationToken.None));
        }
    }

    public async Task<T> ReadAsync<T>(Func<MidxDbContext, Task<T>> read)
    {
        await using var db = Harness.Database.NewContext();
        return await read(db);
    }

    public Task<PublishJob> JobAsync(Guid jobId) => ReadAsync(db => db.PublishJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));

    public Task<ConsentRecord> ConsentAsync(Guid jobId) => ReadAsync(db => db.ConsentRecords.AsNoTracking().SingleAsync(c => c.JobId == jobId));

    /// <summary>The post's history lines, oldest first.</summary>
    public Task<List<string?>> HistoryAsync(Guid jobId) =>
        ReadAsync(db => db.PublishEvents.AsNoTracking().Where(e => e.JobId == jobId).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Message).ToListAsync());

    public Task<List<AuditEvent>> AuditAsync(string action) =>
        ReadAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == action).ToListAsync());

    /// <summary>Everything a refused review action must leave as it was.</summary>
    public async Task<StoredPost> StoredAsync(Guid jobId)
    {
        var job = await JobAsync(jobId);
        var consent = await ConsentAsync(jobId);
        return new StoredPost(job.State, job.ScheduledAt, job.Caption, job.ReviewComment, job.UpdatedAt,
            consent.UserId, consent.AgreedAt, consent.ShownJson, consent.ApprovedByUserId, consent.ApprovedAt, consent.ApprovalShownJson,
            string.Join("\n", await HistoryAsync(jobId)), await ReadAsync(db => db.AuditEvents.CountAsync()));
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}

/// <summary>A workspace a post can be composed in, and the TikTok account linked there.</summary>
internal sealed record Place(Guid WorkspaceId, Guid AccountId);

/// <summary>A post's stored state, consent and history, compared whole before and after a refusal.</summary>
internal sealed record StoredPost(
    JobState State,
    DateTime? ScheduledAt,
    string Caption,
    string? ReviewComment,
    DateTime UpdatedAt,
    Guid? AgreedBy,
    DateTime AgreedAt,
    string ShownJson,
    Guid? ApprovedBy,
    DateTime? ApprovedAt,
    string? ApprovalShownJson,
    string History,
    int AuditEvents);
