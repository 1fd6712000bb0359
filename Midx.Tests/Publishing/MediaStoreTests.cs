using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class MediaStoreTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "midx-media-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly MediaStore _store;
    private readonly Guid _user = Guid.NewGuid();

    public MediaStoreTests()
    {
        _store = new MediaStore(
            Options.Create(new MidxOptions { DataFolder = _dataFolder, OperatorName = "Midx", ContactEmail = "p@midx.test" }),
            Options.Create(new RetentionOptions { MediaHours = 48, AbandonedUploadMinutes = 5 }),
            new FixedEnvironment(),
            _time);
    }

    [Fact]
    public async Task CommitAsync_CheckedUpload_StoresUnderUserFolderWithGeneratedName()
    {
        var stored = await StoreAsync("../../etc/My holiday.mov", VideoContainer.QuickTime);

        Assert.Equal(Path.Combine(_dataFolder, "media", _user.ToString("N"), stored.Id.ToString("N") + ".mov"), stored.Path);
        Assert.True(File.Exists(stored.Path));
        Assert.Equal("My holiday.mov", stored.FileName);
        Assert.Equal("video/quicktime", stored.MimeType);
        Assert.False(File.Exists(Path.ChangeExtension(stored.Path, ".part")));
    }

    [Fact]
    public async Task FindAsync_OwnerAndOtherUser_OnlyOwnerFindsIt()
    {
        var stored = await StoreAsync("clip.mp4", VideoContainer.Mp4);

        var mine = await _store.FindAsync(_user, stored.Id, CancellationToken.None);
        var theirs = await _store.FindAsync(Guid.NewGuid(), stored.Id, CancellationToken.None);

        Assert.Equal(stored, mine);
        Assert.Null(theirs);
    }

    [Fact]
    public async Task Delete_StoredVideo_RemovesVideoAndItsInfo()
    {
        var stored = await StoreAsync("clip.mp4", VideoContainer.Mp4);

        Assert.True(_store.Delete(_user, stored.Id));

        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(stored.Path)!));
        Assert.Null(await _store.FindAsync(_user, stored.Id, CancellationToken.None));
    }

    [Fact]
    public void DeleteFile_PathOutsideMediaFolder_IsRefusedAndFileKept()
    {
        var outside = Path.Combine(_dataFolder, "midx.db");
        Directory.CreateDirectory(_dataFolder);
        File.WriteAllText(outside, "database");

        Assert.False(_store.DeleteFile(outside));
        Assert.False(_store.DeleteFile(Path.Combine(_store.Root, "..", "midx.db")));

        Assert.True(File.Exists(outside));
    }

    [Fact]
    public async Task SweepExpired_AfterMediaHours_DeletesOnlyOldFiles()
    {
        var old = await StoreAsync("old.mp4", VideoContainer.Mp4);
        _time.Advance(TimeSpan.FromHours(47));
        var recent = await StoreAsync("recent.mp4", VideoContainer.Mp4);
        _time.Advance(TimeSpan.FromHours(1));

        var deleted = _store.SweepExpired();

        Assert.Equal(new MediaSweep(2, 0), deleted);
        Assert.False(File.Exists(old.Path));
        Assert.True(File.Exists(recent.Path));
        Assert.NotNull(await _store.FindAsync(_user, recent.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(47.99, false)]
    [InlineData(48, true)]
    [InlineData(100, true)]
    public void IsExpired_AgeAgainstMediaHours_IsTrueFromTheLimitOn(double ageHours, bool expected)
    {
        var now = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(expected, MediaStore.IsExpired(now.AddHours(-ageHours), now, 48));
    }

    [Fact]
    public async Task SweepExpired_PartialUploadUnwrittenPastThreshold_IsDeletedWhileFreshPartialAndFinishedMediaStay()
    {
        var finished = await StoreAsync("clip.mp4", VideoContainer.Mp4);
        var abandoned = await BeginPartialAsync();
        _time.Advance(TimeSpan.FromMinutes(4));
        var fresh = await BeginPartialAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        var deleted = _store.SweepExpired();

        Assert.Equal(new MediaSweep(0, 1), deleted);
        Assert.False(File.Exists(abandoned.Path));
        Assert.True(File.Exists(fresh.Path));
        Assert.NotNull(await _store.FindAsync(_user, finished.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(4.99, false)]
    [InlineData(5, true)]
    [InlineData(60, true)]
    public void IsAbandoned_MinutesUnwrittenAgainstThreshold_IsTrueFromTheLimitOn(double idleMinutes, bool expected)
    {
        var now = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(expected, MediaStore.IsAbandoned(now.AddMinutes(-idleMinutes), now, 5));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task<StoredMedia> StoreAsync(string name, VideoContainer container)
    {
        var pending = _store.Begin(_user);
        await File.WriteAllBytesAsync(pending.Path, [1, 2, 3]);
        return await _store.CommitAsync(pending, new VideoFacts(container, 3, TimeSpan.FromSeconds(2)), name, CancellationToken.None);
    }

    /// <summary>A partial upload whose last byte arrived at the test clock's now.</summary>
    private async Task<PendingMedia> BeginPartialAsync()
    {
        var pending = _store.Begin(_user);
        await File.WriteAllBytesAsync(pending.Path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(pending.Path, _time.GetUtcNow().UtcDateTime);
        return pending;
    }

    private sealed class FixedEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Midx.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
