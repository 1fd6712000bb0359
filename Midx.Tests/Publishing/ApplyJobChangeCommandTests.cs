using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class ApplyJobChangeCommandTests : IAsyncLifetime
{
    private const string UploadUrl = "http://127.0.0.1:1/video/?upload_id=1&upload_token=t";

    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly JobUpdateBus _bus = new(NullLogger<JobUpdateBus>.Instance);
    private readonly List<JobUpdate> _published = [];
    private PublishingDatabase _database = default!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        _database = await PublishingDatabase.CreateAsync(Now);
        _bus.Subscribe((update, _) =>
        {
            _published.Add(update);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ExecuteAsync_AllowedMove_SavesStateAppendsHistoryAndPublishes()
    {
        var job = await _database.AddJobAsync(JobState.Uploading, Now);
        _time.Advance(TimeSpan.FromMinutes(1));

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Command(db).ExecuteAsync(tracked, new JobChange(JobState.Processing)
            {
                Message = "TikTok is receiving and checking the video.",
                TikTokStatus = "PROCESSING_UPLOAD",
                BytesUploaded = 9582,
            }, CancellationToken.None);
        }

        await using var check = _database.NewContext();
        var saved = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal(JobState.Processing, saved.State);
        Assert.Equal(9582, saved.BytesUploaded);
        Assert.Equal(Now, saved.UpdatedAt);
        var history = await check.PublishEvents.Where(e => e.JobId == job.Id).ToListAsync();
        var entry = Assert.Single(history);
        Assert.Equal(JobState.Processing, entry.State);
        Assert.Equal("PROCESSING_UPLOAD", entry.TikTokStatus);
        var update = Assert.Single(_published);
        Assert.Equal(job.Id, update.JobId);
        Assert.Equal(_database.User.Id, update.WorkspaceId);
        Assert.Equal("TikTok is processing", update.StateLabel);
    }

    [Fact]
    public async Task ExecuteAsync_ForbiddenMove_ThrowsAndLeavesRowAndBusUntouched()
    {
        var job = await _database.AddJobAsync(JobState.Published, Now);

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Command(db).ExecuteAsync(tracked, new JobChange(JobState.Failed) { Message = "late" }, CancellationToken.None));
        }

        await using var check = _database.NewContext();
        Assert.Equal(JobState.Published, (await check.PublishJobs.SingleAsync(j => j.Id == job.Id)).State);
        Assert.Empty(await check.PublishEvents.ToListAsync());
        Assert.Empty(_published);
    }

    [Fact]
    public async Task ExecuteAsync_Failure_RecordsCodeMessageAndLogIdAndReleasesLease()
    {
        var job = await _database.AddJobAsync(JobState.Processing, Now, j =>
        {
            j.LeaseOwner = "worker-1";
            j.LeaseExpiresAt = Now.AddMinutes(5);
            j.NextPollAt = Now.AddSeconds(10);
        });

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Command(db).ExecuteAsync(tracked, new JobChange(JobState.Failed)
            {
                Message = "TikTok refused the video's frame rate.",
                ErrorCode = ErrorCatalog.FrameRateCheckFailed,
                LogId = "202611220900001234ABCD",
                TikTokStatus = "FAILED",
            }, CancellationToken.None);
        }

        await using var check = _database.NewContext();
        var saved = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal(JobState.Failed, saved.State);
        Assert.Equal("frame_rate_check_failed", saved.ErrorCode);
        Assert.Equal("TikTok refused the video's frame rate.", saved.ErrorMessage);
        Assert.Equal("202611220900001234ABCD", saved.ErrorLogId);
        Assert.Equal(Now, saved.CompletedAt);
        Assert.Null(saved.LeaseOwner);
        Assert.Null(saved.NextPollAt);
        Assert.True(Assert.Single(_published).IsTerminal);
    }

    [Fact]
    public async Task ExecuteAsync_ByteProgressOnly_IsPushedButNotWrittenToHistory()
    {
        var job = await _database.AddJobAsync(JobState.Uploading, Now);

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Command(db).ExecuteAsync(tracked, new JobChange(JobState.Uploading) { BytesUploaded = 5000 }, CancellationToken.None);
        }

        await using var check = _database.NewContext();
        Assert.Equal(5000, (await check.PublishJobs.SingleAsync(j => j.Id == job.Id)).BytesUploaded);
        Assert.Empty(await check.PublishEvents.ToListAsync());
        Assert.Equal(5000, Assert.Single(_published).BytesUploaded);
    }

    [Fact]
    public async Task ExecuteAsync_FieldsSetByCallerBeforehand_AreSavedInTheSameWrite()
    {
        var job = await _database.AddJobAsync(JobState.Initializing, Now);

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            tracked.PublishId = "v_pub_file~v2-1.123";
            tracked.UploadUrl = "http://127.0.0.1:1/video/?upload_id=1&upload_token=t";
            await Command(db).ExecuteAsync(tracked, new JobChange(JobState.Uploading) { Message = "Sending the video to TikTok." }, CancellationToken.None);
        }

        await using var check = _database.NewContext();
        var saved = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal("v_pub_file~v2-1.123", saved.PublishId);
        Assert.Equal(JobState.Uploading, saved.State);
        Assert.DoesNotContain(_published, u => u.ToString().Contains("upload_token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(JobState.Uploading, JobState.Processing)]
    [InlineData(JobState.Processing, JobState.SentToInbox)]
    [InlineData(JobState.Processing, JobState.Published)]
    [InlineData(JobState.Uploading, JobState.Failed)]
    [InlineData(JobState.Uploading, JobState.Cancelled)]
    public async Task ExecuteAsync_JobEndsOrTikTokHasWholeVideo_DropsUploadUrl(JobState from, JobState to)
    {
        var job = await _database.AddJobAsync(from, Now, j => j.UploadUrl = UploadUrl);

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Command(db).ExecuteAsync(tracked, new JobChange(to) { Message = "Moved on." }, CancellationToken.None);
        }

        await using var check = _database.NewContext();
        var saved = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal(to, saved.State);
        Assert.Null(saved.UploadUrl);
    }

    [Fact]
    public async Task ExecuteAsync_UploadProgress_KeepsUploadUrlForAResume()
    {
        var job = await _database.AddJobAsync(JobState.Uploading, Now, j => j.UploadUrl = UploadUrl);

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Command(db).ExecuteAsync(tracked, new JobChange(JobState.Uploading) { BytesUploaded = 4096 }, CancellationToken.None);
        }

        await using var check = _database.NewContext();
        var saved = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal(4096, saved.BytesUploaded);
        Assert.Equal(UploadUrl, saved.UploadUrl);
    }

    [Fact]
    public async Task PublishAsync_SubscriberThrows_OtherSubscribersStillReceiveTheUpdate()
    {
        var job = await _database.AddJobAsync(JobState.Queued, Now);
        using var failing = _bus.Subscribe((_, _) => throw new InvalidOperationException("hub down"));
        var received = new List<JobUpdate>();
        using var second = _bus.Subscribe((u, _) =>
        {
            received.Add(u);
            return Task.CompletedTask;
        });

        await using (var db = _database.NewContext())
        {
            var tracked = await db.PublishJobs.SingleAsync(j => j.Id == job.Id);
            await Command(db).ExecuteAsync(tracked, new JobChange(JobState.Cancelled) { Message = "Cancelled by you." }, CancellationToken.None);
        }

        Assert.Single(received);
        Assert.Single(_published);
    }

    [Fact]
    public async Task ExecuteAsync_JobMovedByAnotherWriterSinceRead_WritesNothingAndReturnsNull()
    {
        var job = await _database.AddJobAsync(JobState.Queued, Now);
        await using var worker = _database.NewContext();
        await using var user = _database.NewContext();
        var workerCopy = await worker.PublishJobs.SingleAsync(j => j.Id == job.Id);
        var userCopy = await user.PublishJobs.SingleAsync(j => j.Id == job.Id);

        await Command(user).ExecuteAsync(userCopy, new JobChange(JobState.Cancelled) { Message = "Cancelled by you." }, CancellationToken.None);
        workerCopy.InitStartedAt = Now;
        var result = await Command(worker).ExecuteAsync(workerCopy, new JobChange(JobState.Initializing) { Message = "Starting." }, CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(JobState.Cancelled, workerCopy.State);
        await using var check = _database.NewContext();
        var saved = await check.PublishJobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal(JobState.Cancelled, saved.State);
        Assert.Null(saved.InitStartedAt);
        Assert.Equal([JobState.Cancelled], await check.PublishEvents.Select(e => e.State).ToListAsync());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ApplyJobChangeCommand Command(MidxDbContext db) => new(db, _bus, _time, NullLogger<ApplyJobChangeCommand>.Instance);
}
