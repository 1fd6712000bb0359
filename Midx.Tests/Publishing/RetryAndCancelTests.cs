using Microsoft.EntityFrameworkCore;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing;

public sealed class RetryAndCancelTests : IAsyncLifetime
{
    private static readonly CreatorSnapshot Creator = new("Creator", "creator", null, ["SELF_ONLY"], false, false, false, 300);

    private PublishingHarness _h = default!;

    public async Task InitializeAsync() => _h = await PublishingHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Retry_FailedJob_CreatesNewQueuedJobPointingBackWithSameContentAndConsent()
    {
        var failed = await SubmitAndFailAsync();

        var result = await RetryAsync(failed.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        var retry = result.Value.Job;
        Assert.NotEqual(failed.Id, retry.Id);
        Assert.Equal(failed.Id, retry.RetryOfJobId);
        Assert.Equal(JobState.Queued, retry.State);
        Assert.Equal(failed.MediaPath, retry.MediaPath);
        Assert.Equal(failed.Caption, retry.Caption);
        Assert.Null(retry.PublishId);
        await using var db = _h.Database.NewContext();
        Assert.Equal(JobState.Failed, (await db.PublishJobs.SingleAsync(j => j.Id == failed.Id)).State);
        Assert.Equal(2, await db.ConsentRecords.CountAsync());
    }

    [Fact]
    public async Task Retry_DoubleClick_IsOneNewAttempt()
    {
        var failed = await SubmitAndFailAsync();

        var first = await RetryAsync(failed.Id);
        var second = await RetryAsync(failed.Id);

        Assert.Equal(first.Value!.Job.Id, second.Value!.Job.Id);
        Assert.True(second.Value.AlreadySubmitted);
        await using var db = _h.Database.NewContext();
        Assert.Equal(2, await db.PublishJobs.CountAsync());
    }

    [Fact]
    public async Task Retry_FailedDirectPostAfterDraftsBecameTheBoundary_IsRefusedWithWhatToDo()
    {
        var failed = await SubmitAndFailAsync();
        Assert.Equal(PublishMode.Direct, failed.Mode);
        _h.TikTok.InboxDraftsOnly = true;

        var result = await RetryAsync(failed.Id);

        Assert.Equal(ErrorCatalog.DirectPostOff, result.Error?.Code);
        Assert.Contains("Compose the post again", result.Error?.Message);
        await using var db = _h.Database.NewContext();
        Assert.Equal(1, await db.PublishJobs.CountAsync());
    }

    [Fact]
    public async Task Retry_JobThatDidNotFail_IsRefused()
    {
        var job = await SubmitAsync();

        var result = await RetryAsync(job.Id);

        Assert.Equal("not_retryable", result.Error?.Code.Value);
    }

    [Fact]
    public async Task Retry_AnotherUsersJob_IsNotFound()
    {
        var failed = await SubmitAndFailAsync();
        var stranger = await _h.Database.AddUserAsync("stranger@midx.test", _h.Now);

        await using var db = _h.Database.NewContext();
        var result = await _h.Retry(db).ExecuteAsync(PostActor.Member(stranger.Id), failed.Id, CancellationToken.None);

        Assert.Equal("job_not_found", result.Error?.Code.Value);
    }

    [Fact]
    public async Task Retry_VideoAlreadySwept_SaysToComposeAgain()
    {
        var failed = await SubmitAndFailAsync();
        _h.Time.Advance(TimeSpan.FromHours(_h.Retention.MediaHours));
        _h.Media.SweepExpired();

        var result = await RetryAsync(failed.Id);

        Assert.Equal("video_missing", result.Error?.Code.Value);
    }

    [Fact]
    public async Task Cancel_QueuedJob_IsCancelledAndItsVideoDeleted()
    {
        var job = await SubmitAsync();

        await using var db = _h.Database.NewContext();
        var result = await _h.Cancel(db).ExecuteAsync(PostActor.Member(_h.Database.User.Id), job.Id, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(JobState.Cancelled, result.Value.State);
        Assert.False(File.Exists(job.MediaPath));
    }

    [Fact]
    public async Task Cancel_JobTikTokAlreadyHas_IsRefusedAndUnchanged()
    {
        var job = await SubmitAsync();
        await MoveAsync(job.Id, JobState.Initializing, JobState.Uploading, JobState.Processing);

        await using var db = _h.Database.NewContext();
        var result = await _h.Cancel(db).ExecuteAsync(PostActor.Member(_h.Database.User.Id), job.Id, CancellationToken.None);

        Assert.Equal("not_cancellable", result.Error?.Code.Value);
        Assert.Contains("TikTok already has it", result.Error?.Message);
        await using var check = _h.Database.NewContext();
        Assert.Equal(JobState.Processing, (await check.PublishJobs.SingleAsync()).State);
    }

    [Fact]
    public async Task Cancel_AnotherUsersJob_IsNotFoundAndUnchanged()
    {
        var job = await SubmitAsync();
        var stranger = await _h.Database.AddUserAsync("stranger@midx.test", _h.Now);

        await using var db = _h.Database.NewContext();
        var result = await _h.Cancel(db).ExecuteAsync(PostActor.Member(stranger.Id), job.Id, CancellationToken.None);

        Assert.Equal("job_not_found", result.Error?.Code.Value);
        Assert.True(File.Exists(job.MediaPath));
    }

    [Fact]
    public async Task Release_PublishedJobWhoseFileARetryStillNeeds_KeepsTheFile()
    {
        var failed = await SubmitAndFailAsync();
        var retry = (await RetryAsync(failed.Id)).Value!.Job;

        await using var db = _h.Database.NewContext();
        var original = await db.PublishJobs.SingleAsync(j => j.Id == failed.Id);
        Assert.False(await _h.Release(db).ExecuteAsync(original, CancellationToken.None));
        Assert.True(File.Exists(retry.MediaPath));

        await MoveAsync(retry.Id, JobState.Initializing, JobState.Uploading, JobState.Processing);
        var processing = await db.PublishJobs.AsNoTracking().SingleAsync(j => j.Id == retry.Id);
        Assert.True(await _h.Release(db).ExecuteAsync(processing, CancellationToken.None));
        Assert.False(File.Exists(retry.MediaPath));
    }

    private async Task<PublishJob> SubmitAsync()
    {
        var video = await _h.UploadAsync(_h.Database.User.Id, VideoFixtures.Mp4TwoSeconds);
        await using var db = _h.Database.NewContext();
        var result = await _h.Submit(db).ExecuteAsync(new PublishRequest
        {
            Composer = PostActor.Member(_h.Database.User.Id),
            WorkspaceId = _h.Database.User.Id,
            TikTokAccountId = _h.Database.Account.Id,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            Source = VideoSource.File,
            UploadId = video.Id,
            Caption = "Again",
            PrivacyLevel = "SELF_ONLY",
            ConsentGiven = true,
        }, Creator, CancellationToken.None);
        return result.Value!.Job;
    }

    private async Task<PublishJob> SubmitAndFailAsync()
    {
        var job = await SubmitAsync();
        await MoveAsync(job.Id, JobState.Initializing, JobState.Failed);
        await using var db = _h.Database.NewContext();
        return await db.PublishJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
    }

    private async Task MoveAsync(Guid jobId, params JobState[] states)
    {
        await using var db = _h.Database.NewContext();
        var job = await db.PublishJobs.SingleAsync(j => j.Id == jobId);
        foreach (var state in states)
        {
            await _h.Apply(db).ExecuteAsync(job, new JobChange(state) { Message = state.ToString() }, CancellationToken.None);
        }
    }

    private async Task<Midx.Core.Publishing.PublishingResult<SubmittedJob>> RetryAsync(Guid jobId)
    {
        await using var db = _h.Database.NewContext();
        return await _h.Retry(db).ExecuteAsync(PostActor.Member(_h.Database.User.Id), jobId, CancellationToken.None);
    }
}
