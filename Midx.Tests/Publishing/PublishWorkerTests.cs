using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>The publish worker inside the running app, against the sandbox TikTok over real HTTP.</summary>
public sealed class PublishWorkerTests
{
    [Fact]
    public async Task Worker_DirectPostFileUpload_ReachesPublishedWithTheFilesBytesAndDeletesTheFile()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal(JobState.Published, job.State);
        Assert.Equal(TikTokStatusMapping.PublishComplete, job.TikTokStatus);
        Assert.False(string.IsNullOrEmpty(job.PublicPostId));
        Assert.Equal(job.FileSize, job.BytesUploaded);
        Assert.Null(job.UploadUrl);
        var publish = await app.SandboxPublishAsync(job.PublishId!);
        var expected = Convert.ToHexStringLower(SHA256.HashData(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds)));
        Assert.Equal(expected, publish.GetProperty("sha256").GetString());
        Assert.Equal("PUBLIC_TO_EVERYONE", publish.GetProperty("effectivePrivacy").GetString());
        Assert.False(File.Exists(submitted.MediaPath), "The video file should be deleted once TikTok has it.");
        Assert.Single(await app.RequestsAsync("video_init"));
        var states = (await app.EventsAsync(job.Id)).Select(e => e.State).Distinct().ToList();
        Assert.Equal([JobState.Queued, JobState.Initializing, JobState.Uploading, JobState.Processing, JobState.Published], states);
        Assert.DoesNotContain(app.App.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
        Assert.DoesNotContain("upload_token", app.App.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_PublicPostModeratedAfterPublishComplete_KeepsWatchingUntilThePostIdArrives()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.SetSwitchesAsync(new { moderationDelaySeconds = 600 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var published = await app.WaitForStateAsync(submitted.Id, JobState.Published);
        Assert.Equal(JobState.Published, published.State);
        Assert.Null(published.PublicPostId);

        // TikTok finishes moderation ten minutes later (on the sandbox's own clock).
        (await app.Client.PostAsJsonAsync($"{WorkerTestApp.SandboxTest}/clock/advance", new { seconds = 601 })).EnsureSuccessStatusCode();
        var withId = await app.WaitForAsync(submitted.Id, j => j.PublicPostId is not null);

        Assert.StartsWith("7", withId.PublicPostId);
        Assert.Equal(JobState.Published, withId.State);
        Assert.Null(withId.NextPollAt);
        var events = await app.EventsAsync(withId.Id);
        Assert.Single(events, e => e.ErrorCode == ErrorCatalog.PostIdArrived.Value);
        Assert.Single(await app.RequestsAsync("video_init"));
    }

    [Fact]
    public async Task Worker_InboxUpload_IsSentToInboxThenPublishedWhenTheCreatorPostsIt()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var submitted = await app.SubmitAsync(PublishMode.Inbox);
        var inInbox = await app.WaitForStateAsync(submitted.Id, JobState.SentToInbox);
        Assert.Equal(JobState.SentToInbox, inInbox.State);
        Assert.Contains("inbox", (await app.EventsAsync(submitted.Id)).Last().Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(submitted.MediaPath), "The video file should be deleted once the draft is in the inbox.");

        (await app.Client.PostAsync($"{WorkerTestApp.SandboxTest}/publishes/{Uri.EscapeDataString(inInbox.PublishId!)}/user-posted", null)).EnsureSuccessStatusCode();
        var posted = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal(JobState.Published, posted.State);
        Assert.Equal("Posted on TikTok from your inbox.", (await app.EventsAsync(submitted.Id)).Last().Message);
        Assert.Single(await app.RequestsAsync("inbox_init"));
        Assert.Empty(await app.RequestsAsync("video_init"));
    }

    [Fact]
    public async Task Worker_PullFromUrl_SendsNoBytesAndReachesPublished()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var submitted = await app.SubmitAsync(PublishMode.Direct, fixture: null, sourceUrl: WorkerTestApp.VerifiedPrefix + "videos/beach.mp4");
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal(JobState.Published, job.State);
        Assert.StartsWith("v_pub_url", job.PublishId, StringComparison.Ordinal);
        Assert.Empty(await app.RequestsAsync("upload"));
        var init = Assert.Single(await app.RequestsAsync("video_init"));
        Assert.Contains("PULL_FROM_URL", init.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains(WorkerTestApp.VerifiedPrefix + "videos/beach.mp4", init.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_ScheduledJob_WaitsUntilItsTimeThenRuns()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var later = await app.SubmitAsync(PublishMode.Direct, scheduledAtUtc: DateTime.UtcNow.AddHours(2));
        var now = await app.SubmitAsync(PublishMode.Direct);
        // The unscheduled job finishing proves the worker has made several passes over both.
        await app.WaitForStateAsync(now.Id, JobState.Published);

        var waiting = await app.JobAsync(later.Id);
        Assert.Equal(JobState.Scheduled, waiting.State);
        Assert.Null(waiting.InitStartedAt);
        Assert.Single(await app.RequestsAsync("video_init"));

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.Where(j => j.Id == later.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ScheduledAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        var ran = await app.WaitForStateAsync(later.Id, JobState.Published);
        Assert.Equal(JobState.Published, ran.State);
        Assert.Contains(await app.EventsAsync(later.Id), e => e.Message == "It's time: sending it to TikTok now.");
    }

    [Fact]
    public async Task Worker_ChunkAnswered5xxOnce_RetriesTheSameChunkAndPublishes()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.ArmFaultAsync(new { endpoint = "upload", mode = "Status", status = 503, count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal(JobState.Published, job.State);
        Assert.Equal(2, (await app.RequestsAsync("upload")).Count);
        var publish = await app.SandboxPublishAsync(job.PublishId!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds))), publish.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Worker_ChunkAnswered416_ResyncsFromTikToksProgressAndPublishes()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.ArmFaultAsync(new { endpoint = "upload", mode = "Status", status = 416, count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal(JobState.Published, job.State);
        // The 416 carried no Content-Range, so Midx asked the status for uploaded_bytes before sending the chunk again.
        var calls = (await app.Client.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"{WorkerTestApp.SandboxTest}/requests"))!
            .Select(r => r.GetProperty("endpoint").GetString())
            .Where(e => e is "upload" or "status_fetch")
            .Take(3)
            .ToList();
        Assert.Equal(["upload", "status_fetch", "upload"], calls);
        Assert.Contains(app.App.Logs.Lines, l => l.Contains("TikTok answered 416 to 0; it confirms 0 bytes", StringComparison.Ordinal));
        Assert.Single(await app.RequestsAsync("video_init"));
    }

    [Theory]
    [InlineData(403, "upload_expired", "expired")]
    [InlineData(404, "upload_not_found", "no longer knows this upload")]
    public async Task Worker_UploadUrlGone_FailsWithAPlainMessageAndKeepsTheFileForARetry(int status, string code, string words)
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.ArmFaultAsync(new { endpoint = "upload", mode = "Status", status, count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Failed);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(code, job.ErrorCode);
        Assert.Contains(words, job.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Nothing was posted", job.ErrorMessage, StringComparison.Ordinal);
        Assert.True(File.Exists(submitted.MediaPath), "A failed job keeps its file so the creator can retry.");
        Assert.Single(await app.RequestsAsync("video_init"));
    }

    [Theory]
    [InlineData("capped", "spam_risk_too_many_posts", "daily limit")]
    [InlineData("banned", "spam_risk_user_banned_from_posting", "blocked this account")]
    public async Task Worker_InitRefusedForTheAccount_FailsWithTikToksCodeLogIdAndPlainMessage(string creator, string code, string words)
    {
        await using var app = await WorkerTestApp.StartAsync(creator);

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Failed);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(code, job.ErrorCode);
        Assert.Contains(words, job.ErrorMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(job.ErrorLogId));
        Assert.Null(job.PublishId);
        Assert.Empty(await app.RequestsAsync("upload"));
    }

    [Fact]
    public async Task Worker_PrivacyNoLongerOffered_FailsWithPrivacyLevelOptionMismatch()
    {
        // The compose page saw a public account; it went private before the post was sent.
        await using var app = await WorkerTestApp.StartAsync("private");

        var submitted = await app.SubmitAsync(PublishMode.Direct, privacy: "PUBLIC_TO_EVERYONE");
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Failed);

        Assert.Equal(ErrorCatalog.PrivacyLevelOptionMismatch.Value, job.ErrorCode);
        Assert.Equal(ErrorCatalog.PrivacyLevelOptionMismatch.Message, job.ErrorMessage);
    }

    [Fact]
    public async Task Worker_TikTokFailsTheVideo_FailsWithTheReasonInPlainWords()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.QueueScenarioAsync(new { failReason = "frame_rate_check_failed", count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Failed);

        Assert.Equal("frame_rate_check_failed", job.ErrorCode);
        Assert.Equal(ErrorCatalog.FrameRateCheckFailed.Message, job.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(job.ErrorLogId));
        Assert.Equal(TikTokStatusMapping.Failed, job.TikTokStatus);
    }

    [Fact]
    public async Task Worker_InitAnswered5xx_IsNeverRetriedAndSaysMidxCannotTell()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.ArmFaultAsync(new { endpoint = "video_init", mode = "Status", status = 500, errorCode = "internal_error", count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Failed);

        Assert.Equal(ErrorCatalog.InternalError.Value, job.ErrorCode);
        Assert.EndsWith(ErrorCatalog.InitOutcomeUnknown.Message, job.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(await app.RequestsAsync("video_init"));
    }

    [Fact]
    public async Task Worker_AccessTokenRefusedAtInit_RenewsTheTokenAndReplaysOnce()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.ArmFaultAsync(new { endpoint = "video_init", mode = "Status", status = 401, errorCode = "access_token_invalid", count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForStateAsync(submitted.Id, JobState.Published);

        Assert.Equal(JobState.Published, job.State);
        Assert.Equal(2, (await app.RequestsAsync("video_init")).Count);
        Assert.Single(await app.RequestsAsync("token"), r => r.GetProperty("form").GetProperty("grant_type").GetString() == "refresh_token");
    }

    [Fact]
    public async Task Worker_RenewedTokenRefusedAtInitToo_HoldsTheJobUntilReconnectedThenPublishes()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var held = await SubmitWithTokenRefusedTwiceAtAsync(app, "video_init");

        // TikTok refused the token twice and so created nothing: the job waits, as if init had never been called.
        Assert.Equal((JobState.Queued, ErrorCatalog.HeldAccountNeedsReconnect.Value), (held.State, held.ErrorCode));
        Assert.Equal("On hold: TikTok no longer accepts Midx's access to @avery.creates. Reconnect the account on the Accounts page and this post goes on by itself.",
            held.ErrorMessage);
        Assert.Null(held.InitStartedAt);
        Assert.Null(held.PublishId);
        Assert.Equal(2, (await app.RequestsAsync("video_init")).Count);
        var refusal = Assert.Single(await app.EventsAsync(held.Id), e => e.ErrorCode == ErrorCatalog.AccessTokenInvalid.Value);
        Assert.Equal(JobState.Queued, refusal.State);
        Assert.StartsWith("TikTok refused Midx's access to this account, so nothing was sent.", refusal.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(refusal.LogId));
        var accounts = await app.Client.GetHtmlAsync("/accounts");
        Assert.Contains("TikTok refused Midx's access to this account even after it was renewed",
            accounts.QuerySelector("[data-token-health=needs-reconnect]")?.TextContent);

        await app.Client.LinkTikTokAsync("public");
        var published = await app.WaitForStateAsync(held.Id, JobState.Published);

        Assert.Equal(JobState.Published, published.State);
        Assert.Null(published.ErrorCode);
        Assert.Equal(3, (await app.RequestsAsync("video_init")).Count);
        Assert.Equal(TikTokStatusMapping.PublishComplete, (await app.SandboxPublishAsync(published.PublishId!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Worker_RenewedTokenRefusedAtStatusCheckToo_HoldsTheJobInProcessingUntilReconnectedThenPublishes()
    {
        await using var app = await WorkerTestApp.StartAsync("public");

        var held = await SubmitWithTokenRefusedTwiceAtAsync(app, "status_fetch");

        // The video is at TikTok: the job keeps its state and only its status checks wait for the reconnect.
        Assert.Equal((JobState.Processing, ErrorCatalog.HeldAccountNeedsReconnect.Value), (held.State, held.ErrorCode));
        Assert.NotNull(held.PublishId);
        Assert.Equal(2, (await app.RequestsAsync("status_fetch")).Count);
        Assert.Single(await app.RequestsAsync("token"), r => r.GetProperty("form").GetProperty("grant_type").GetString() == "refresh_token");
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.SingleAsync(a => a.Id == app.AccountId);
            Assert.Equal(TokenState.NeedsReconnect, account.TokenState);
        }

        await app.Client.LinkTikTokAsync("public");
        var published = await app.WaitForStateAsync(held.Id, JobState.Published);

        Assert.Equal(JobState.Published, published.State);
        Assert.Null(published.ErrorCode);
        Assert.Single(await app.RequestsAsync("video_init"));
    }

    [Fact]
    public async Task Worker_GrantGone_HoldsTheJobWithAReconnectMessageAndNoInit()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            // The access token has run out and TikTok refuses the refresh token: the account needs reconnecting.
            await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.Where(a => a.Id == app.AccountId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AccessTokenExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        await app.ArmFaultAsync(new { endpoint = "token", mode = "Status", status = 400, errorCode = "invalid_grant", count = 5 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        var job = await app.WaitForAsync(submitted.Id, j => j.ErrorCode == ErrorCatalog.HeldAccountNeedsReconnect.Value);

        Assert.Equal(JobState.Queued, job.State);
        Assert.Contains("Reconnect the account", job.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(job.InitStartedAt);
        Assert.Empty(await app.RequestsAsync("video_init"));
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.SingleAsync(a => a.Id == app.AccountId);
            Assert.Equal(TokenState.NeedsReconnect, account.TokenState);
        }

        Assert.Single(await app.EventsAsync(job.Id), e => e.ErrorCode == ErrorCatalog.HeldAccountNeedsReconnect.Value);
    }

    [Fact]
    public async Task Worker_StillProcessingPastTheWarningTime_SaysSoAndStaysProcessing()
    {
        await using var app = await WorkerTestApp.StartAsync("public", settings: new Dictionary<string, string?>
        {
            ["Midx:Publishing:ProcessingWarningAfter"] = "00:00:00.500",
        });
        await app.QueueScenarioAsync(new { stuck = true, count = 1 });

        var submitted = await app.SubmitAsync(PublishMode.Direct);
        await app.WaitForAsync(submitted.Id, j => j.State == JobState.Processing);
        var events = await WaitForEventAsync(app, submitted.Id, ErrorCatalog.StillProcessing.Value);

        var job = await app.JobAsync(submitted.Id);
        Assert.Equal(JobState.Processing, job.State);
        Assert.StartsWith("Still processing after", events.Message, StringComparison.Ordinal);
        Assert.NotNull(job.NextPollAt);
        Assert.Single(await app.EventsAsync(submitted.Id), e => e.ErrorCode == ErrorCatalog.StillProcessing.Value);
    }

    [Fact]
    public async Task Readyz_WorkerRunning_ReportsThePublishWorkerHealthy()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        await app.WaitForStateAsync((await app.SubmitAsync()).Id, JobState.Published);

        var body = await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/readyz");

        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("publish-worker").GetProperty("status").GetString());
    }

    /// <summary>Submits a Direct Post whose calls to <paramref name="endpoint"/> TikTok refuses twice for the access token; returns it once held (or ended).</summary>
    private static async Task<PublishJob> SubmitWithTokenRefusedTwiceAtAsync(WorkerTestApp app, string endpoint)
    {
        await app.ArmFaultAsync(new { endpoint, mode = "Status", status = 401, errorCode = "access_token_invalid", count = 2 });
        var submitted = await app.SubmitAsync(PublishMode.Direct);
        return await app.WaitForAsync(submitted.Id, j => j.ErrorCode == ErrorCatalog.HeldAccountNeedsReconnect.Value || JobStateMachine.IsTerminal(j.State));
    }

    private static async Task<PublishEvent> WaitForEventAsync(WorkerTestApp app, Guid jobId, string code)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await app.EventsAsync(jobId)).FirstOrDefault(e => e.ErrorCode == code) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Job {jobId} never noted {code}.");
        return null!;
    }
}
