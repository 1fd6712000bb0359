using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// Everything a publishing command needs, real except the clock: a migrated SQLite database with a user and a linked
/// account, a media folder in a temporary directory, and the update bus with a recorder attached.
/// </summary>
internal sealed class PublishingHarness : IAsyncDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "midx-publishing-tests", Guid.NewGuid().ToString("N"));

    private PublishingHarness(PublishingDatabase database)
    {
        Database = database;
        Retention = new RetentionOptions { MediaHours = 48 };
        Media = new MediaStore(
            Options.Create(new MidxOptions { DataFolder = _dataFolder, OperatorName = "Midx", ContactEmail = "p@midx.test" }),
            Options.Create(Retention),
            new FixedEnvironment(),
            Time);
        Bus.Subscribe((update, _) =>
        {
            lock (Published)
            {
                Published.Add(update);
            }

            return Task.CompletedTask;
        });
    }

    public FakeTimeProvider Time { get; } = TestClock.Create();

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public PublishingDatabase Database { get; }

    public RetentionOptions Retention { get; }

    public PublishingOptions Publishing { get; } = new() { PullFromUrlPrefixes = ["https://media.midx.test/videos/"] };

    public MediaStore Media { get; }

    public JobUpdateBus Bus { get; } = new(NullLogger<JobUpdateBus>.Instance);

    public List<JobUpdate> Published { get; } = [];

    public static async Task<PublishingHarness> CreateAsync()
    {
        return new PublishingHarness(await PublishingDatabase.CreateAsync(TestClock.Start.UtcDateTime));
    }

    /// <summary>Stores a fixture file as the user's upload, as the upload endpoint would.</summary>
    public async Task<StoredMedia> UploadAsync(Guid userId, string fixture)
    {
        var pending = Media.Begin(userId);
        File.Copy(VideoFixtures.PathOf(fixture), pending.Path);
        var facts = await VideoInspector.InspectFileAsync(pending.Path, CancellationToken.None);
        return await Media.CommitAsync(pending, facts.Value!, fixture, CancellationToken.None);
    }

    public SubmitPublishJobCommand Submit(MidxDbContext db) => new(db, Media, Bus, Time,
        Options.Create(Publishing), Options.Create(Retention), NullLogger<SubmitPublishJobCommand>.Instance);

    public ApplyJobChangeCommand Apply(MidxDbContext db) => new(db, Bus, Time, NullLogger<ApplyJobChangeCommand>.Instance);

    public ReleaseJobMediaCommand Release(MidxDbContext db) => new(db, Media, NullLogger<ReleaseJobMediaCommand>.Instance);

    public CancelPublishJobCommand Cancel(MidxDbContext db) => new(db, Apply(db), Release(db));

    public RetryPublishJobCommand Retry(MidxDbContext db) => new(db, Bus, Time, NullLogger<RetryPublishJobCommand>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private sealed class FixedEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Midx.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
