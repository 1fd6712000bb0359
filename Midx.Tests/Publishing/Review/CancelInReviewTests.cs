using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing.Review;

/// <summary>A post waiting for people can be cancelled by a member who may compose, and its video goes once no waiting post needs it.</summary>
public sealed class CancelInReviewTests : IAsyncLifetime
{
    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task Cancel_EditorsPostAwaitingReview_IsCancelledAndItsVideoDeleted()
    {
        var job = await _studio.PostAsync(_studio.Editor);

        var result = await _studio.CancelAsync(_studio.Editor, job.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(JobState.Cancelled, (await _studio.JobAsync(job.Id)).State);
        Assert.Equal("Cancelled by Eve Editor. Nothing was posted on TikTok.", (await _studio.HistoryAsync(job.Id))[^1]);
        Assert.False(File.Exists(job.MediaPath));
    }

    [Fact]
    public async Task Cancel_PostSentBackForChanges_IsCancelled()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Publisher, job.Id, "Not this one")).Succeeded);

        var result = await _studio.CancelAsync(_studio.Editor, job.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(JobState.Cancelled, (await _studio.JobAsync(job.Id)).State);
        Assert.Equal(ErrorCatalog.NotAwaitingReview, (await _studio.ApproveAsync(_studio.Publisher, job.Id)).Error?.Code);
    }

    [Fact]
    public async Task Cancel_PostWhoseVideoAnotherPostAwaitingReviewUses_KeepsTheVideoForThatPost()
    {
        var video = await _studio.UploadAsync(_studio.Editor);
        var first = (await _studio.SubmitAsync(_studio.Request(_studio.Editor, video))).Value!.Job;
        var second = (await _studio.SubmitAsync(_studio.Request(_studio.Editor, video))).Value!.Job;
        Assert.Equal((JobState.AwaitingReview, JobState.AwaitingReview, first.MediaPath), (first.State, second.State, second.MediaPath));

        Assert.True((await _studio.CancelAsync(_studio.Editor, first.Id)).Succeeded);

        Assert.True(File.Exists(video.Path));
        Assert.True((await _studio.ApproveAsync(_studio.Publisher, second.Id)).Succeeded, "The remaining post can still be sent.");
        Assert.True((await _studio.CancelAsync(_studio.Editor, second.Id)).Succeeded);
        Assert.False(File.Exists(video.Path));
    }
}
