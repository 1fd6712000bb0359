using Microsoft.EntityFrameworkCore;
using Midx.Core.TikTok;
using System.Text.Json;
using Midx.Core.Admin;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing.Review;

/// <summary>
/// A Publisher or Owner approves an Editor's post: it goes on at its time with the approval kept on its consent record,
/// or, when anything stands in the way, the approval is refused with the reason and the post is left exactly as it was.
/// </summary>
public sealed class ApprovePublishJobCommandTests : IAsyncLifetime
{
    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task Execute_PublisherApprovesPostForNow_QueuesItAndTheConsentKeepsTheApproval()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        _studio.Harness.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.Queued, (DateTime?)null), (stored.State, stored.ScheduledAt));
        Assert.Equal($"Approved by Pat Publisher. {JobMessages.WaitingToStart}", (await _studio.HistoryAsync(job.Id))[^1]);
        var consent = await _studio.ConsentAsync(job.Id);
        Assert.Equal(_studio.Editor.Id, consent.UserId);
        Assert.Equal((_studio.Publisher.Id, _studio.Now), (consent.ApprovedByUserId, consent.ApprovedAt));
        Assert.Equal(SharingGuidelineTexts.ApprovalMusicUsageDeclaration, consent.ApprovalDeclarationText);
        using var shown = JsonDocument.Parse(consent.ApprovalShownJson!);
        var creatorInfo = shown.RootElement.GetProperty("creatorInfo");
        Assert.Equal("Studio Nick", creatorInfo.GetProperty("nickname").GetString());
        Assert.Equal(ReviewStudio.Creator.PrivacyLevelOptions, creatorInfo.GetProperty("privacyLevelOptions").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(JsonValueKind.Null, shown.RootElement.GetProperty("approvedForUtc").ValueKind);
        var audit = Assert.Single(await _studio.AuditAsync(AuditActions.PostApproved));
        Assert.Equal((_studio.Publisher.Id, _studio.Editor.Id), (audit.ActorUserId, audit.SubjectUserId));
        var update = _studio.Harness.Published[^1];
        Assert.Equal((job.Id, JobState.Queued), (update.JobId, update.State));
        Assert.StartsWith("Approved by Pat Publisher.", update.Message);
    }

    [Fact]
    public async Task Execute_OwnerApprovesScheduledPost_SchedulesItForItsTime()
    {
        var at = _studio.Now.AddHours(3);
        var job = await _studio.PostAsync(_studio.Editor, at);

        var result = await _studio.ApproveAsync(_studio.Owner, job.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.Scheduled, at), (stored.State, stored.ScheduledAt));
        Assert.Equal($"Approved by Olga Owner. {JobMessages.ScheduledFor(at)}", (await _studio.HistoryAsync(job.Id))[^1]);
        using var shown = JsonDocument.Parse((await _studio.ConsentAsync(job.Id)).ApprovalShownJson!);
        Assert.Equal(at, shown.RootElement.GetProperty("approvedForUtc").GetDateTime());
    }

    [Fact]
    public async Task Execute_BrandedContentPost_TheApproverAgreesToTheBrandedContentDeclaration()
    {
        var video = await _studio.UploadAsync(_studio.Editor);
        var submitted = await _studio.SubmitAsync(_studio.Request(_studio.Editor, video) with { DisclosureOn = true, BrandedContent = true });
        Assert.True(submitted.Succeeded, submitted.Error?.Message);

        var result = await _studio.ApproveAsync(_studio.Publisher, submitted.Value.Job.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SharingGuidelineTexts.ApprovalBrandedContentDeclaration, (await _studio.ConsentAsync(submitted.Value.Job.Id)).ApprovalDeclarationText);
    }

    [Fact]
    public async Task PostDetail_AwaitingThenApproved_AsksOnlyReviewersAndNamesTheApprover()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var awaitingForPublisher = await DetailAsync(_studio.Publisher.Id, job.Id);
        var awaitingForEditor = await DetailAsync(_studio.Editor.Id, job.Id);
        Assert.Equal((true, true), (awaitingForPublisher.MayApprove, awaitingForPublisher.AwaitsReader));
        Assert.Equal((false, false, true), (awaitingForEditor.MayApprove, awaitingForEditor.AwaitsReader, awaitingForEditor.MayEdit));
        Assert.Equal(ConsentGiver.None, awaitingForEditor.ApprovedBy);

        await _studio.ApproveAsync(_studio.Publisher, job.Id);

        Assert.Equal(ConsentGiver.Other("Pat Publisher"), (await DetailAsync(_studio.Owner.Id, job.Id)).ApprovedBy);
        Assert.Equal(ConsentGiver.Reader, (await DetailAsync(_studio.Publisher.Id, job.Id)).ApprovedBy);
        Assert.False((await DetailAsync(_studio.Publisher.Id, job.Id)).AwaitsReader);
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Execute_MemberWhoseRoleMayNotApprove_IsRefusedAndNothingChanges(WorkspaceRole role)
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Member(role), job.Id);

        Assert.Equal(ErrorCatalog.NotAllowedToApprove, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_Stranger_IsNotFoundAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Stranger, job.Id);

        Assert.Equal(ErrorCatalog.JobNotFound, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_PostNotAwaitingReview_IsRefusedSayingWhereItIs()
    {
        var job = await _studio.PostAsync(_studio.Publisher);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Owner, job.Id);

        Assert.Equal(ErrorCatalog.NotAwaitingReview, result.Error?.Code);
        Assert.EndsWith("It is waiting to start now.", result.Error?.Message);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_SecondApprovalOfTheSamePost_IsRefusedAndTheFirstStands()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.ApproveAsync(_studio.Publisher, job.Id)).Succeeded);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Owner, job.Id);

        Assert.Equal(ErrorCatalog.NotAwaitingReview, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
        Assert.Equal(_studio.Publisher.Id, Assert.Single(await _studio.AuditAsync(AuditActions.PostApproved)).ActorUserId);
    }

    [Fact]
    public async Task Execute_WithoutTheReviewersConsent_IsRefusedAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id, consentGiven: false);

        Assert.Equal(ErrorCatalog.ConsentMissing, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_CreatorNoLongerOffersTheChosenPrivacy_IsRefusedNamingItAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id, ReviewStudio.Creator with { PrivacyLevelOptions = ["SELF_ONLY"] });

        Assert.Equal(ErrorCatalog.PrivacyNotOffered, result.Error?.Code);
        Assert.Contains("\"Everyone\"", result.Error?.Message);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_DirectPostNoLongerOffered_IsRefusedAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id, ReviewStudio.Creator with { DirectPostOffered = false });

        Assert.Equal(ErrorCatalog.DirectPostOff, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_TimePassedWhileAwaitingReview_IsRefusedNamingTheTimeAndNothingChanges()
    {
        var at = _studio.Now.AddHours(1);
        var job = await _studio.PostAsync(_studio.Editor, at);
        _studio.Harness.Time.Advance(TimeSpan.FromHours(2));
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id);

        Assert.Equal(ErrorCatalog.ApprovalLate, result.Error?.Code);
        Assert.Contains($"{at:yyyy-MM-dd HH:mm} UTC", result.Error?.Message);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_LateApprovalToPostNow_QueuesIt()
    {
        var job = await _studio.PostAsync(_studio.Editor, _studio.Now.AddHours(1));
        _studio.Harness.Time.Advance(TimeSpan.FromHours(2));

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id, postNow: true);

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.Queued, (DateTime?)null), (stored.State, stored.ScheduledAt));
    }

    [Fact]
    public async Task Execute_LateApprovalWithANewTimeToCome_SchedulesItThen()
    {
        var job = await _studio.PostAsync(_studio.Editor, _studio.Now.AddHours(1));
        _studio.Harness.Time.Advance(TimeSpan.FromHours(2));
        var newTime = _studio.Now.AddHours(4);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id, newTimeUtc: newTime);

        Assert.True(result.Succeeded, result.Error?.Message);
        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.Scheduled, newTime), (stored.State, stored.ScheduledAt));
        Assert.Equal($"Approved by Pat Publisher. {JobMessages.ScheduledFor(newTime)}", (await _studio.HistoryAsync(job.Id))[^1]);
    }

    [Fact]
    public async Task Execute_LateApprovalWithANewTimeAlsoPast_IsRefusedAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor, _studio.Now.AddHours(1));
        _studio.Harness.Time.Advance(TimeSpan.FromHours(2));
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id, newTimeUtc: _studio.Now.AddMinutes(-10));

        Assert.Equal(ErrorCatalog.ScheduleInPast, result.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_VideoNoLongerKept_IsRefusedAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        _studio.Harness.Time.Advance(TimeSpan.FromHours(_studio.Harness.Retention.MediaHours));
        _studio.Harness.Media.SweepExpired();
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id);

        Assert.Equal(ErrorCatalog.VideoMissing, result.Error?.Code);
        Assert.False(File.Exists(job.MediaPath));
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    [Fact]
    public async Task Execute_VersionEditedAfterTheReviewerOpenedIt_IsRefusedAndTheNewVersionCanBeApproved()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        var seen = (await _studio.JobAsync(job.Id)).UpdatedAt;
        _studio.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _studio.EditAsync(job.Id, _studio.EditRequest(_studio.Editor, job, "A caption the reviewer never saw"))).Succeeded);
        var before = await _studio.StoredAsync(job.Id);

        var stale = await ApproveSeenAsync(job.Id, seen);

        Assert.Equal(ErrorCatalog.ReviewOutdated, stale.Error?.Code);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
        var fresh = await ApproveSeenAsync(job.Id, (await _studio.JobAsync(job.Id)).UpdatedAt);
        Assert.True(fresh.Succeeded, fresh.Error?.Message);
    }

    private async Task<PublishingResult<PublishJob>> ApproveSeenAsync(Guid jobId, DateTime seen)
    {
        await using var db = _studio.Harness.Database.NewContext();
        return await _studio.Harness.Approve(db).ExecuteAsync(new Approval(_studio.Publisher.Id, jobId, ConsentGiven: true, SeenVersion: seen),
            ReviewStudio.Creator, CancellationToken.None);
    }

    [Fact]
    public async Task Execute_AccountNeedsReconnect_IsRefusedWithWhatToDoAndNothingChanges()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        await _studio.ReadAsync(db => db.TikTokAccounts.Where(a => a.Id == _studio.Studio.AccountId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.TokenState, TokenState.NeedsReconnect)));
        var before = await _studio.StoredAsync(job.Id);

        var result = await _studio.ApproveAsync(_studio.Publisher, job.Id);

        Assert.Equal(ErrorCatalog.AccountNeedsReconnect, result.Error?.Code);
        Assert.Equal("TikTok no longer accepts Midx's access to @studio. Reconnect it on the Accounts page, then approve the post.", result.Error!.Message);
        Assert.Equal(before, await _studio.StoredAsync(job.Id));
    }

    private async Task<PostDetail> DetailAsync(Guid readerId, Guid jobId)
    {
        var detail = await _studio.ReadAsync(db => new PostDetailQuery(db, _studio.Harness.Time).ExecuteAsync(readerId, jobId, CancellationToken.None));
        Assert.NotNull(detail);
        return detail;
    }
}
