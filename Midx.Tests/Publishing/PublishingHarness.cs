using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// Everything a publishing command needs, registered as the app registers it (<c>AddMidxPublishing</c>) and real
/// except the clock: a migrated SQLite database with a user and a linked account, a media folder in a temporary
/// directory, and the update bus with a recorder attached. Each command works on the context the test hands it.
/// </summary>
internal sealed class PublishingHarness : IAsyncDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "midx-publishing-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private PublishingHarness(PublishingDatabase database)
    {
        Database = database;
        Retention = new RetentionOptions { MediaHours = 48 };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(Bus)
            .AddSingleton(Options.Create(new MidxOptions { DataFolder = _dataFolder, OperatorName = "Midx", ContactEmail = "p@midx.test" }))
            .AddSingleton(Options.Create(Retention))
            .AddSingleton(Options.Create(Publishing))
            .AddSingleton(Options.Create(TikTok))
            .AddSingleton<IHostEnvironment>(new FixedEnvironment());
        _services = services.AddMidxPublishing().BuildServiceProvider();
        Media = _services.GetRequiredService<MediaStore>();
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

    /// <summary>The TikTok settings the commands read; a test may change them (e.g. the posting boundary) before it acts.</summary>
    public TikTokOptions TikTok { get; } = new();

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

    public SubmitPublishJobCommand Submit(MidxDbContext db) => Command<SubmitPublishJobCommand>(db);

    public ApplyJobChangeCommand Apply(MidxDbContext db) => Command<ApplyJobChangeCommand>(db);

    public ReleaseJobMediaCommand Release(MidxDbContext db) => Command<ReleaseJobMediaCommand>(db);

    public CancelPublishJobCommand Cancel(MidxDbContext db) => Command<CancelPublishJobCommand>(db, Apply(db), Release(db));

    public RetryPublishJobCommand Retry(MidxDbContext db) => Command<RetryPublishJobCommand>(db);

    public ApprovePublishJobCommand Approve(MidxDbContext db) => Command<ApprovePublishJobCommand>(db, Apply(db), new AuditLog(db, Time));

    public SendBackPublishJobCommand SendBack(MidxDbContext db) => Command<SendBackPublishJobCommand>(db, Apply(db), new AuditLog(db, Time));

    public EditPublishJobCommand Edit(MidxDbContext db) => Command<EditPublishJobCommand>(db, Apply(db));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>The command with the test's context (and the commands it builds on) and everything else from the registrations.</summary>
    private T Command<T>(MidxDbContext db, params object[] sameContextCommands) =>
        ActivatorUtilities.CreateInstance<T>(_services, [db, .. sameContextCommands]);

    private sealed class FixedEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Midx.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
