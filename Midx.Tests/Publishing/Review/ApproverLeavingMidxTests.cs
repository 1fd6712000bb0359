using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Accounts;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing.Review;

/// <summary>
/// In the real app: a Publisher's approval is theirs to download, and once they delete their Midx account the post they
/// approved stays with its workspace naming them no more.
/// </summary>
public sealed class ApproverLeavingMidxTests : IAsyncLifetime
{
    private const string Caption = "Studio launch teaser";
    private readonly MidxAppFactory _app = new();
    private User _owner = default!;
    private User _publisher = default!;
    private User _editor = default!;
    private Guid _studio;
    private Guid _account;
    private Guid _post;

    public async Task InitializeAsync()
    {
        var now = DateTime.UtcNow;
        User Person(string email, string name) => new() { GoogleSubject = "sub-" + email, Email = email, Name = name, CreatedAt = now, LastSeenAt = now };
        _owner = Person("olga@midx.test", "Olga Owner");
        _publisher = Person("pat@midx.test", "Pat Publisher");
        _editor = Person("eve@midx.test", "Eve Editor");
        var studio = new Workspace { Name = "Studio", RequiresReview = true, CreatedAt = now };
        _studio = studio.Id;
        var account = new TikTokAccount
        {
            UserId = _owner.Id, WorkspaceId = studio.Id, OpenId = "open-studio", Username = "studio", GrantedScopes = "user.info.basic,video.publish",
            ConnectedAt = now, LastSeenAt = now,
        };
        _account = account.Id;
        var post = new PublishJob
        {
            UserId = _editor.Id, WorkspaceId = studio.Id, TikTokAccountId = account.Id, SubmissionKey = "studio-1", Caption = Caption,
            Mode = PublishMode.Direct, Source = VideoSource.Url, SourceUrl = "https://media.midx.test/videos/teaser.mp4", PrivacyLevel = "PUBLIC_TO_EVERYONE",
            State = JobState.AwaitingReview, CreatedAt = now, UpdatedAt = now,
        };
        _post = post.Id;
        await _app.QueryAsync(db =>
        {
            foreach (var person in new[] { _owner, _publisher, _editor })
            {
                db.AddPerson(person);
            }

            db.Workspaces.Add(studio);
            foreach (var (person, role) in new[] { (_owner, WorkspaceRole.Owner), (_publisher, WorkspaceRole.Publisher), (_editor, WorkspaceRole.Editor) })
            {
                db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = studio.Id, UserId = person.Id, Role = role, JoinedAt = now });
            }

            db.TikTokAccounts.Add(account);
            db.PublishJobs.Add(post);
            db.ConsentRecords.Add(new ConsentRecord
            {
                JobId = post.Id, UserId = _editor.Id, AgreedAt = now, CreatorNickname = "Studio Nick", CreatorUsername = "studio",
                DeclarationText = SharingGuidelineTexts.MusicUsageDeclaration, ShownJson = "{}",
            });
            db.PublishEvents.Add(new PublishEvent { JobId = post.Id, At = now, State = post.State, Message = JobMessages.AwaitingReview });
            return db.SaveChangesAsync();
        });

        // A day ahead, so the app's worker leaves the approved post alone while the test looks at it.
        var approved = await InScopeAsync(services => services.GetRequiredService<ApprovePublishJobCommand>().ExecuteAsync(
            new Approval(_publisher.Id, _post, ConsentGiven: true, NewTimeUtc: DateTime.UtcNow.AddDays(1)), ReviewStudio.Creator, CancellationToken.None));
        Assert.True(approved.Succeeded, approved.Error?.Message);
    }

    [Fact]
    public async Task Export_Approver_ListsThePostTheyApprovedWithWhatTheyAgreedTo()
    {
        var export = await ExportAsync(_publisher.Id);

        var approval = Assert.Single(export!.Approvals);
        Assert.Equal((_post, _studio, Caption, "Studio Nick"), (approval.JobId, approval.WorkspaceId, approval.Caption, approval.CreatorNickname));
        Assert.Equal(SharingGuidelineTexts.ApprovalMusicUsageDeclaration, approval.DeclarationText);
        Assert.Contains("\"nickname\":\"Studio Nick\"", approval.ShownJson);
        Assert.Empty((await ExportAsync(_owner.Id))!.Approvals);
        Assert.Equal(_publisher.Id, Assert.Single((await ExportAsync(_editor.Id))!.Uploads).Consent!.ApprovedByUserId);
    }

    [Fact]
    public async Task Export_MemberWhoEditedAColleaguesPost_ListsTheConsentTheyGaveThere()
    {
        var edited = await InScopeAsync(services => services.GetRequiredService<EditPublishJobCommand>().ExecuteAsync(_post, new PublishRequest
        {
            Composer = PostActor.Member(_owner.Id), WorkspaceId = _studio, TikTokAccountId = _account, SubmissionKey = "edit", Mode = PublishMode.Direct,
            Source = VideoSource.File, Caption = "Edited by the Owner", PrivacyLevel = "PUBLIC_TO_EVERYONE", ConsentGiven = true,
            ScheduledAtUtc = DateTime.UtcNow.AddDays(1),
        }, ReviewStudio.Creator, CancellationToken.None));
        Assert.True(edited.Succeeded, edited.Error?.Message);

        var owners = await ExportAsync(_owner.Id);

        var consent = Assert.Single(owners!.ConsentsOnOthersPosts);
        Assert.Equal((_post, _owner.Id), (consent.JobId, consent.UserId));
        Assert.Contains("Edited by the Owner", consent.ShownJson);
        var editors = await ExportAsync(_editor.Id);
        Assert.Null(Assert.Single(editors!.Uploads).Consent);
        Assert.Empty(editors.ConsentsOnOthersPosts);
    }

    [Fact]
    public async Task DeleteAccount_Approver_ThePostStaysApprovedByAFormerMember()
    {
        Assert.Equal("Pat Publisher", (await DetailAsync(_owner.Id)).ApprovedBy.Name);

        var deleted = await InScopeAsync(services =>
            services.GetRequiredService<DeleteAccountCommand>().ExecuteAsync(_publisher.Id, _publisher.Email, CancellationToken.None));

        Assert.Equal(DeleteAccountOutcome.Deleted, deleted.Outcome);
        var consent = await _app.QueryAsync(db => db.ConsentRecords.AsNoTracking().SingleAsync(c => c.JobId == _post));
        Assert.Null(consent.ApprovedByUserId);
        Assert.NotNull(consent.ApprovedAt);
        var detail = await DetailAsync(_owner.Id);
        Assert.Equal(ConsentGiver.FormerMember, detail.ApprovedBy.Name);
        Assert.Equal("Eve Editor", detail.AgreedBy.Name);
        Assert.Equal(JobState.Scheduled, detail.Job.State);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<UserDataExport?> ExportAsync(Guid userId) =>
        InScopeAsync(services => services.GetRequiredService<ExportUserDataQuery>().ExecuteAsync(userId, CancellationToken.None));

    private async Task<PostDetail> DetailAsync(Guid readerId)
    {
        var detail = await InScopeAsync(services => services.GetRequiredService<PostDetailQuery>().ExecuteAsync(readerId, _post, CancellationToken.None));
        Assert.NotNull(detail);
        return detail;
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }
}
