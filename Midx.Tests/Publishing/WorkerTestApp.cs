using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The real app (Kestrel, SQLite, sandbox TikTok over HTTP) with the publish worker tuned for tests: passes every
/// 100 ms, status checks within a few hundred ms, the sandbox's processing and moderation delays at zero. A signed-in
/// creator with one linked sandbox TikTok account; jobs go in through the same submission command as the compose page.
/// </summary>
internal sealed class WorkerTestApp : IAsyncDisposable
{
    public const string SandboxTest = "/sandbox/tiktok/__test";
    public const string VerifiedPrefix = "https://media.sandbox.midx.test/";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private WorkerTestApp(MidxAppFactory app, HttpClient client, Guid userId, Guid accountId)
    {
        App = app;
        Client = client;
        UserId = userId;
        AccountId = accountId;
    }

    public MidxAppFactory App { get; }

    /// <summary>Signed in as the creator; also used for the sandbox's test controls.</summary>
    public HttpClient Client { get; }

    public Guid UserId { get; }

    public Guid AccountId { get; }

    public static async Task<WorkerTestApp> StartAsync(string creatorKey = "public", bool workerEnabled = true, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Midx:Publishing:WorkerEnabled"] = workerEnabled ? "true" : "false",
            ["Midx:Publishing:WorkerPollInterval"] = "00:00:00.100",
            ["Midx:Publishing:FirstStatusPollDelay"] = "00:00:00.050",
            ["Midx:Publishing:MaxStatusPollInterval"] = "00:00:00.300",
            ["Midx:Publishing:SlowPollInterval"] = "00:00:00.300",
            ["Midx:Publishing:RetryDelay"] = "00:00:00.200",
            ["Midx:Publishing:ChunkRetryBaseDelay"] = "00:00:00.020",
            ["Midx:Publishing:PullFromUrlPrefixes:0"] = VerifiedPrefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new MidxAppFactory(all);
        var client = await app.SignInAsync($"{creatorKey}-creator@sandbox.midx.test", "Test Creator");
        var accountId = await client.LinkTikTokAsync(creatorKey);
        (await client.PostAsJsonAsync($"{SandboxTest}/switches", new { processingDelaySeconds = 0, moderationDelaySeconds = 0 })).EnsureSuccessStatusCode();
        await using var scope = app.Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts
            .Where(a => a.Id == accountId).Select(a => a.UserId!.Value).SingleAsync();
        return new WorkerTestApp(app, client, userId, accountId);
    }

    /// <summary>
    /// The whole app restarted on the same database and port (see <see cref="MidxAppFactory.RestartAsync"/>): the same
    /// creator and account, and a client that is not signed in (enough for the sandbox's test controls).
    /// </summary>
    public async Task<WorkerTestApp> RestartAsync()
    {
        Client.Dispose();
        var app = await App.RestartAsync();
        return new WorkerTestApp(app, app.CreateHttpClient(), UserId, AccountId);
    }

    /// <summary>Stores <paramref name="path"/> as the creator's upload, as the upload endpoint does, and returns its id.</summary>
    public async Task<Guid> StoreVideoAsync(string path)
    {
        var media = App.Services.GetRequiredService<MediaStore>();
        var pending = media.Begin(UserId);
        File.Copy(path, pending.Path);
        var facts = await VideoInspector.InspectFileAsync(pending.Path, CancellationToken.None);
        var stored = await media.CommitAsync(pending, facts.Value!, Path.GetFileName(path), CancellationToken.None);
        return stored.Id;
    }

    public async Task<PublishJob> SubmitAsync(
        PublishMode mode = PublishMode.Direct,
        string? fixture = VideoFixtures.Mp4TwoSeconds,
        string? sourceUrl = null,
        string privacy = "PUBLIC_TO_EVERYONE",
        DateTime? scheduledAtUtc = null,
        IReadOnlyList<string>? privacyOptions = null)
    {
        Guid? uploadId = fixture is null ? null : await StoreVideoAsync(VideoFixtures.PathOf(fixture));
        var request = new PublishRequest
        {
            Composer = PostActor.Member(UserId),
            WorkspaceId = UserId,
            TikTokAccountId = AccountId,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            Mode = mode,
            Source = sourceUrl is null ? VideoSource.File : VideoSource.Url,
            UploadId = uploadId,
            SourceUrl = sourceUrl,
            Caption = "Worker test #midx",
            PrivacyLevel = mode == PublishMode.Direct ? privacy : null,
            AllowComment = true,
            ScheduledAtUtc = scheduledAtUtc,
            ConsentGiven = true,
        };
        // The creator_info the compose page saw; a test may pass options TikTok no longer offers (the account changed since).
        var creator = new CreatorSnapshot("Test Creator", "test.creator", null,
            privacyOptions ?? ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"], false, false, false, 600);
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SubmitPublishJobCommand>().ExecuteAsync(request, creator, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value.Job;
    }

    /// <summary>One claim as <c>PublishWorker</c> makes it, under the lease owner name <paramref name="owner"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimAsync(string owner)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClaimDueJobsCommand>().ExecuteAsync(owner, 4, CancellationToken.None);
    }

    /// <summary>Runs one claimed job in its own scope, as <c>PublishWorker</c> does.</summary>
    public async Task RunAsync(Guid jobId, string owner, CancellationToken cancellationToken)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublishJobRunner>().RunAsync(jobId, owner, cancellationToken);
    }

    /// <summary>One pass of a worker named <paramref name="owner"/>: claim, then run every claimed job.</summary>
    public async Task PassAsync(string owner)
    {
        foreach (var jobId in await ClaimAsync(owner))
        {
            await RunAsync(jobId, owner, CancellationToken.None);
        }
    }

    /// <summary>Adds a job row as it would be found after a restart (the worker only ever sees rows).</summary>
    public async Task<PublishJob> InsertJobAsync(Action<PublishJob> configure)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var now = DateTime.UtcNow;
        var job = new PublishJob
        {
            UserId = UserId,
            WorkspaceId = UserId,
            TikTokAccountId = AccountId,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            Mode = PublishMode.Direct,
            Source = VideoSource.File,
            MimeType = "video/mp4",
            PrivacyLevel = "PUBLIC_TO_EVERYONE",
            State = JobState.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
        configure(job);
        db.PublishJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    public async Task<PublishJob> JobAsync(Guid jobId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    public async Task<List<PublishEvent>> EventsAsync(Guid jobId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishEvents.AsNoTracking()
            .Where(e => e.JobId == jobId).OrderBy(e => e.At).ToListAsync();
    }

    /// <summary>Waits (up to 30 s) until the job's row satisfies <paramref name="done"/>; fails with the row's last state otherwise.</summary>
    public async Task<PublishJob> WaitForAsync(Guid jobId, Func<PublishJob, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWait);
        while (true)
        {
            var job = await JobAsync(jobId);
            if (done(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Job {jobId} stayed {job.State} (TikTok {job.TikTokStatus}, error {job.ErrorCode}: {job.ErrorMessage}).");
            }

            await Task.Delay(50);
        }
    }

    public Task<PublishJob> WaitForStateAsync(Guid jobId, JobState state) => WaitForAsync(jobId, j => j.State == state || JobStateMachine.IsTerminal(j.State));

    public async Task ArmFaultAsync(object plan) =>
        (await Client.PostAsJsonAsync($"{SandboxTest}/faults", plan)).EnsureSuccessStatusCode();

    public async Task SetSwitchesAsync(object switches) =>
        (await Client.PostAsJsonAsync($"{SandboxTest}/switches", switches)).EnsureSuccessStatusCode();

    public async Task QueueScenarioAsync(object scenario) =>
        (await Client.PostAsJsonAsync($"{SandboxTest}/publish-scenario", scenario)).EnsureSuccessStatusCode();

    /// <summary>The requests the sandbox TikTok received for one endpoint (video_init, upload, status_fetch ...).</summary>
    public async Task<List<JsonElement>> RequestsAsync(string endpoint) =>
        (await Client.GetFromJsonAsync<List<JsonElement>>($"{SandboxTest}/requests?endpoint={endpoint}"))!;

    public async Task<JsonElement> SandboxPublishAsync(string publishId) =>
        await Client.GetFromJsonAsync<JsonElement>($"{SandboxTest}/publishes/{Uri.EscapeDataString(publishId)}");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
