using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing.Review;

/// <summary>
/// A new attempt of a failed post where posts need approval: an approval of the failed post carries over to the same
/// content; a post that was never approved waits for review like a new one.
/// </summary>
public sealed class RetryInReviewTests : IAsyncLifetime
{
    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task Retry_ByAnEditorOfAnApprovedPostThatFailed_GoesWithTheApprovalCarriedOver()
    {
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.ApproveAsync(_studio.Publisher, job.Id)).Succeeded);
        await _studio.MoveAsync(job.Id, JobState.Failed);

        var retry = await RetryAsync(job.Id);

        Assert.Equal(JobState.Queued, retry.State);
        var (approved, carried) = (await _studio.ConsentAsync(job.Id), await _studio.ConsentAsync(retry.Id));
        Assert.Equal((_studio.Publisher.Id, approved.ApprovedAt, approved.ApprovalDeclarationText),
            (carried.ApprovedByUserId!.Value, carried.ApprovedAt, carried.ApprovalDeclarationText));
        Assert.Equal(_studio.Editor.Id, carried.UserId);
    }

    [Fact]
    public async Task Retry_ByAnEditorOfAPostFromBeforeReviewWasAskedFor_WaitsForReview()
    {
        await _studio.SetRequiresReviewAsync(false);
        var job = await _studio.PostAsync(_studio.Editor);
        Assert.Equal(JobState.Queued, job.State);
        await _studio.MoveAsync(job.Id, JobState.Failed);
        await _studio.SetRequiresReviewAsync(true);

        var retry = await RetryAsync(job.Id);

        Assert.Equal(JobState.AwaitingReview, retry.State);
        Assert.Null((await _studio.ConsentAsync(retry.Id)).ApprovedAt);
        Assert.Equal($"A new attempt of a post that failed. {JobMessages.AwaitingReview}", Assert.Single(await _studio.HistoryAsync(retry.Id)));
        Assert.Contains(retry.Id, (await _studio.ReadAsync(db => new ReviewQueueQuery(db).ExecuteAsync(_studio.Publisher.Id, _studio.Studio.WorkspaceId, CancellationToken.None)))
            .Select(e => e.JobId));
    }

    [Fact]
    public async Task Retry_ByAPublisherOfAPostNeverApproved_GoesAtOnce()
    {
        await _studio.SetRequiresReviewAsync(false);
        var job = await _studio.PostAsync(_studio.Editor);
        await _studio.MoveAsync(job.Id, JobState.Failed);
        await _studio.SetRequiresReviewAsync(true);

        var retry = await RetryAsync(job.Id, _studio.Publisher);

        Assert.Equal(JobState.Queued, retry.State);
    }

    private async Task<PublishJob> RetryAsync(Guid jobId, Midx.Core.Accounts.User? member = null)
    {
        await using var db = _studio.Harness.Database.NewContext();
        var result = await _studio.Harness.Retry(db).ExecuteAsync(PostActor.Member((member ?? _studio.Editor).Id), jobId, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value.Job;
    }
}
