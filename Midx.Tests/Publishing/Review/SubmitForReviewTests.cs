using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing.Review;

/// <summary>Where a new post starts when its workspace asks for review: with the Editor waiting, with everyone else as before.</summary>
public sealed class SubmitForReviewTests : IAsyncLifetime
{
    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task Execute_EditorWhereReviewIsRequired_WaitsForReviewKeepingItsTime()
    {
        var at = _studio.Now.AddHours(3);

        var job = await _studio.PostAsync(_studio.Editor, at);

        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.AwaitingReview, at), (stored.State, stored.ScheduledAt));
        Assert.Equal([JobMessages.AwaitingReview], await _studio.HistoryAsync(job.Id));
        var consent = await _studio.ConsentAsync(job.Id);
        Assert.Equal(_studio.Editor.Id, consent.UserId);
        Assert.Null(consent.ApprovedByUserId);
        var update = Assert.Single(_studio.Harness.Published);
        Assert.Equal((job.Id, JobState.AwaitingReview, JobMessages.AwaitingReview), (update.JobId, update.State, update.Message));
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Owner)]
    public async Task Execute_MemberWhoMayApproveWhereReviewIsRequired_IsQueuedAsBefore(WorkspaceRole role)
    {
        var job = await _studio.PostAsync(_studio.Member(role));

        Assert.Equal(JobState.Queued, (await _studio.JobAsync(job.Id)).State);
        Assert.Equal([JobMessages.WaitingToStart], await _studio.HistoryAsync(job.Id));
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Owner)]
    public async Task Execute_MemberWhoMayApproveSchedulesWhereReviewIsRequired_IsScheduledAsBefore(WorkspaceRole role)
    {
        var at = _studio.Now.AddHours(3);

        var job = await _studio.PostAsync(_studio.Member(role), at);

        var stored = await _studio.JobAsync(job.Id);
        Assert.Equal((JobState.Scheduled, at), (stored.State, stored.ScheduledAt));
        Assert.Equal([JobMessages.ScheduledFor(at)], await _studio.HistoryAsync(job.Id));
    }

    [Fact]
    public async Task Execute_EditorWhereReviewIsOff_IsQueued()
    {
        await _studio.SetRequiresReviewAsync(false);

        var job = await _studio.PostAsync(_studio.Editor);

        Assert.Equal(JobState.Queued, (await _studio.JobAsync(job.Id)).State);
        Assert.Equal([JobMessages.WaitingToStart], await _studio.HistoryAsync(job.Id));
    }

    [Fact]
    public async Task Execute_PersonAloneInTheirPersonalWorkspace_IsQueuedAsBefore()
    {
        var person = _studio.Harness.Database.User;
        var video = await _studio.Harness.UploadAsync(person.Id, VideoFixtures.Mp4TwoSeconds);

        var result = await _studio.SubmitAsync(_studio.Request(person, video, place: new Place(person.Id, _studio.Harness.Database.Account.Id)));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(JobState.Queued, result.Value.Job.State);
        Assert.Equal([JobMessages.WaitingToStart], await _studio.HistoryAsync(result.Value.Job.Id));
    }
}
