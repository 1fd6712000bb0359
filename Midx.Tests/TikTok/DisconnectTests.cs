using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Accounts;
using Midx.App.Publishing;
using Midx.App.TikTok;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>
/// Disconnecting a TikTok account over HTTP, as its owner does from the accounts page: Midx's access goes, the history of
/// what was posted stays, and each unfinished post is dealt with honestly (cancelled, no longer followed, or the
/// disconnect waits for it).
/// </summary>
public sealed partial class DisconnectTests : IDisposable
{
    private const string Account = "@avery.creates";

    // No worker: these tests move jobs between states themselves (as the worker would), and a scheduled job must stay put.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task Disconnect_PublishedPost_StaysInHistoryAndOnItsPageUnderTheAccountsName()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        var jobId = await app.Client.SubmitAsync(caption: "Harbour at dusk");
        var posted = await app.WaitForStateAsync(jobId, JobState.Published);
        Assert.Equal(JobState.Published, posted.State);
        var history = await app.EventsAsync(jobId);

        using var response = await app.Client.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(app.AccountId));

        Assert.Equal(AccountsPage.Path, response.Headers.Location!.OriginalString);
        Assert.Equal("TikTok account disconnected. Midx revoked its access at TikTok and deleted its tokens. Your post history is kept.",
            app.App.NoticeIn(response)?.Text);
        var kept = await app.JobAsync(jobId);
        Assert.Null(kept.TikTokAccountId);
        Assert.Equal((JobState.Published, posted.PublishId, posted.CompletedAt), (kept.State, kept.PublishId, kept.CompletedAt));
        Assert.Equal(history.Select(e => e.Id), (await app.EventsAsync(jobId)).Select(e => e.Id));

        var row = (await app.Client.GetHtmlAsync("/history")).QuerySelector($"[data-job-id='{jobId}']")!;
        Assert.Equal(Account + " (disconnected)", Text(row.QuerySelector("[data-job-account]")));
        Assert.Equal("Posted", Text(row.QuerySelector("[data-job-badge]")));
        Assert.Equal("", Text(row.QuerySelector("[data-job-message]")));
        var page = await app.Client.GetHtmlAsync(JobPage.Url(jobId));
        Assert.Equal(Account + " (disconnected)", Text(page.QuerySelector("[data-job-account]")));
        Assert.Equal(history.Count, page.QuerySelectorAll("[data-job-timeline] li").Length);
        Assert.Contains("(" + Account + ")", Text(page.QuerySelector("[data-job-consent]")));
        Assert.Null(page.QuerySelector("[data-job-action=retry]"));
    }

    [Fact]
    public async Task Disconnect_ScheduledPost_IsCancelledWithAPlainMessageLiveAndItsVideoDeleted()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync("Harbour at dusk");
        var mediaPath = (await JobAsync(jobId)).MediaPath!;
        Assert.True(File.Exists(mediaPath));
        var accounts = await avery.GetHtmlAsync("/accounts");
        Assert.Equal("Disconnecting cancels 1 post not yet sent to TikTok. Your post history is kept.",
            Text(accounts.QuerySelector($"[data-account='{accountId}'] [data-disconnect-effect]")));
        await using var circuit = await CircuitListener.StartAsync(_app.Services, (await _app.UserByEmailAsync("avery@sandbox.midx.test")).Id);

        using var response = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));

        Assert.Equal("TikTok account disconnected. Midx revoked its access at TikTok and deleted its tokens. "
            + "Your post history is kept; 1 post not yet sent to TikTok was cancelled.", _app.NoticeIn(response)?.Text);
        const string message = "Cancelled because " + Account + " was disconnected before it was sent. Nothing was posted on TikTok.";
        var update = await circuit.NextUpdateAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((jobId, message), (update?.JobId, update?.Message));

        var job = await JobAsync(jobId);
        Assert.Equal((JobState.Cancelled, (Guid?)null, ErrorCatalog.AccountDisconnected.Value, message),
            (job.State, job.TikTokAccountId, job.ErrorCode, job.ErrorMessage));
        Assert.False(File.Exists(mediaPath), "The cancelled post's video file is still on disk.");
        Assert.Equal(2, await HistoryCountAsync(jobId));
        Assert.Empty(await RequestsAsync(avery, "video_init"));

        var row = (await avery.GetHtmlAsync("/history")).QuerySelector($"[data-job-id='{jobId}']")!;
        Assert.Equal("Cancelled", Text(row.QuerySelector("[data-job-badge]")));
        Assert.Equal(message, Text(row.QuerySelector("[data-job-message]")));
        Assert.Equal(Account + " (disconnected)", Text(row.QuerySelector("[data-job-account]")));
        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));
        Assert.Equal(message, Text(page.QuerySelector("[data-job-message]")));
        Assert.True(page.QuerySelector("[data-job-error]") is null, "The disconnect is not something TikTok said.");
        Assert.Equal(Account + " (disconnected)", Text(page.QuerySelector("[data-job-account]")));
    }

    [Fact]
    public async Task Disconnect_WhileAPostIsBeingSent_ChangesNothingUntilItIsCancelled()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");
        var scheduled = await avery.SubmitScheduledAsync("Tomorrow's sunrise");
        var sending = await avery.SubmitScheduledAsync("Harbour at dusk");
        await _app.UpdateJobAsync(sending, j =>
        {
            j.State = JobState.Uploading;
            j.ScheduledAt = null;
            j.InitStartedAt = DateTime.UtcNow;
            j.PublishId = "v_pub_file~v2.disconnect";
            j.BytesUploaded = 4096;
        });
        var accounts = await avery.GetHtmlAsync("/accounts");
        Assert.Equal("1 post is being sent to TikTok right now: wait until TikTok has it, or cancel the upload, before disconnecting.",
            Text(accounts.QuerySelector($"[data-account='{accountId}'] [data-disconnect-effect]")));

        using var refused = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));

        Assert.Equal(AccountsPage.Path, refused.Headers.Location!.OriginalString);
        Assert.StartsWith("Not disconnected yet: a post is being sent to this TikTok account right now", _app.NoticeIn(refused)?.Text);
        Assert.NotNull((await avery.GetHtmlAsync(AccountsPage.Path)).QuerySelector($"[data-account='{accountId}']"));
        Assert.Empty(await RequestsAsync(avery, "revoke"));
        Assert.Equal((JobState.Scheduled, accountId), await StateAndAccountAsync(scheduled));
        Assert.Equal((JobState.Uploading, accountId), await StateAndAccountAsync(sending));

        // The user does what the notice says: cancels the upload (TikTok makes no post from an incomplete one), then disconnects.
        using var cancel = await avery.PostDialogFormAsync(JobPage.Url(sending), JobEndpoints.CancelPath(sending));
        using var disconnected = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));

        Assert.Equal((AccountsPage.Path, nameof(AccountsNotice.Disconnected)), (disconnected.Headers.Location!.OriginalString, _app.NoticeIn(disconnected)?.Code));
        Assert.EndsWith("1 post not yet sent to TikTok was cancelled.", _app.NoticeIn(disconnected)?.Text);
        Assert.Equal((JobState.Cancelled, (Guid?)null), await StateAndAccountAsync(sending));
        Assert.Equal((JobState.Cancelled, (Guid?)null), await StateAndAccountAsync(scheduled));
        Assert.Single(await RequestsAsync(avery, "revoke"));
    }

    [Fact]
    public async Task Disconnect_PostsTikTokAlreadyHas_StopsFollowingThemWithoutCallingThemFailedAndTheWorkerLeavesThemAlone()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");
        var processing = await avery.SubmitScheduledAsync("Harbour at dusk");
        var draft = await avery.SubmitScheduledAsync("Draft for later", mode: "Inbox");
        var mediaPath = (await JobAsync(processing)).MediaPath!;
        await _app.UpdateJobAsync(processing, j => TikTokHasIt(j, JobState.Processing, nextPollAt: null));
        await _app.UpdateJobAsync(draft, j => TikTokHasIt(j, JobState.SentToInbox, nextPollAt: DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal("Disconnecting stops Midx following 2 posts TikTok already has. Your post history is kept.",
            Text((await avery.GetHtmlAsync("/accounts")).QuerySelector($"[data-account='{accountId}'] [data-disconnect-effect]")));

        using var response = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));

        Assert.EndsWith("Your post history is kept; Midx stopped following 2 posts TikTok already had.", _app.NoticeIn(response)?.Text);
        var stillProcessing = await JobAsync(processing);
        Assert.Equal((JobState.Processing, (Guid?)null, (DateTime?)null, ErrorCatalog.AccountDisconnected.Value),
            (stillProcessing.State, stillProcessing.TikTokAccountId, stillProcessing.NextPollAt, stillProcessing.ErrorCode));
        Assert.Equal("Midx stopped following this post when " + Account + " was disconnected. "
            + "TikTok had the whole video — check your TikTok profile for the result.", stillProcessing.ErrorMessage);
        var inInbox = await JobAsync(draft);
        Assert.Equal((JobState.SentToInbox, (DateTime?)null), (inInbox.State, inInbox.NextPollAt));
        Assert.StartsWith("Midx stopped checking this draft when " + Account + " was disconnected. It is in your TikTok inbox", inInbox.ErrorMessage);
        Assert.False(File.Exists(mediaPath), "TikTok has the video, so its file is no longer kept.");

        var row = (await avery.GetHtmlAsync("/history")).QuerySelector($"[data-job-id='{processing}']")!;
        Assert.Equal("TikTok is processing", Text(row.QuerySelector("[data-job-badge]")));
        Assert.Equal(stillProcessing.ErrorMessage, Text(row.QuerySelector("[data-job-message]")));

        // Nothing is left for the worker: neither claimed, nor held, nor sent to TikTok.
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ClaimDueJobsCommand>().ExecuteAsync("worker", 10, CancellationToken.None));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HoldBlockedJobsCommand>().ExecuteAsync(CancellationToken.None));
        Assert.Empty(await RequestsAsync(avery, "status_fetch"));
    }

    [Fact]
    public async Task Run_JobClaimedJustBeforeItsAccountWasDisconnected_StopsWithoutCallingTikTok()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync("Harbour at dusk");
        await _app.UpdateJobAsync(jobId, j => TikTokHasIt(j, JobState.Processing, nextPollAt: null));
        using var response = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));
        // The lease a worker took a moment before the disconnect committed.
        await _app.UpdateJobAsync(jobId, j => (j.LeaseOwner, j.LeaseExpiresAt) = ("worker-1", DateTime.UtcNow.AddMinutes(5)));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublishJobRunner>().RunAsync(jobId, "worker-1", CancellationToken.None);
        }

        var job = await JobAsync(jobId);
        Assert.Equal((JobState.Processing, (string?)null, (DateTime?)null), (job.State, job.LeaseOwner, job.NextPollAt));
        Assert.Empty(await RequestsAsync(avery, "status_fetch"));
    }

    [Fact]
    public async Task Retry_FailedPostWhoseAccountWasDisconnected_IsRefusedNotOfferedAndItsVideoDeleted()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync("Buy now!!!");
        var mediaPath = (await JobAsync(jobId)).MediaPath!;
        await _app.UpdateJobAsync(jobId, j =>
        {
            j.State = JobState.Failed;
            j.ErrorCode = "spam_risk_text";
            j.ErrorMessage = "TikTok judged the caption to be spam.";
            j.CompletedAt = DateTime.UtcNow;
        });
        Assert.NotNull((await avery.GetHtmlAsync(JobPage.Url(jobId))).QuerySelector("[data-job-action=retry]"));
        using var disconnect = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));

        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));
        Assert.Null(page.QuerySelector("[data-job-action=retry]"));
        Assert.Null((await avery.GetHtmlAsync("/history")).QuerySelector($"[data-job-id='{jobId}'] [data-job-action=retry]"));
        // A failed post's file was kept for a retry; with no retry possible any more, nothing needs it (promise 7).
        Assert.False(File.Exists(mediaPath), "The failed post's video file is still on disk after its account was disconnected.");
        // A retry posted anyway (an old tab) is refused with what to do instead.
        var token = ComposeTestClient.TokenOf(page, AccountEndpoints.SignOutPath);
        using var retry = await avery.PostAsync(JobEndpoints.RetryPath(jobId), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(JobPage.Url(jobId, JobNotice.AccountDisconnected), retry.Headers.Location!.OriginalString);
        Assert.Equal("This post can't be retried: " + Account + " was disconnected from Midx. Link " + Account + " again, then compose the post again.",
            Text((await avery.GetHtmlAsync(retry.Headers.Location.OriginalString)).QuerySelector("[data-notice]")));
        Assert.Single(await _app.JobsAsync());
    }

    [Fact]
    public async Task DeleteAccount_AfterADisconnect_DeletesEveryPostIncludingThoseWhoseAccountIsGone()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var first = await avery.LinkTikTokAsync("public");
        var kept = await avery.SubmitScheduledAsync("Harbour at dusk");
        await _app.UpdateJobAsync(kept, j => TikTokHasIt(j, JobState.Published, nextPollAt: null));
        using var disconnect = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(first));
        Assert.Null((await JobAsync(kept)).TikTokAccountId);
        await avery.LinkTikTokAsync("private");
        await avery.SubmitScheduledAsync("Tomorrow's sunrise");
        using var bystander = await _app.SignInAsync("bystander@sandbox.midx.test");
        await bystander.LinkTikTokAsync("public");
        var theirs = await bystander.SubmitScheduledAsync("Not Avery's");

        using var deleted = await avery.PostDialogFormAsync("/settings", "/settings/delete", ("email", "avery@sandbox.midx.test"));

        Assert.Equal("/goodbye", deleted.Headers.Location!.OriginalString);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        Assert.Equal([theirs], await db.PublishJobs.Select(j => j.Id).ToListAsync());
        Assert.Equal([theirs], await db.ConsentRecords.Select(c => c.JobId).ToListAsync());
        Assert.Equal([theirs], await db.PublishEvents.Select(e => e.JobId).Distinct().ToListAsync());
        Assert.Equal(2, (await RequestsAsync(bystander, "revoke")).Count);
    }

    private static void TikTokHasIt(PublishJob job, JobState state, DateTime? nextPollAt)
    {
        job.State = state;
        job.ScheduledAt = null;
        job.InitStartedAt = DateTime.UtcNow.AddMinutes(-1);
        job.PublishId = "v_pub_file~v2." + job.Id.ToString("N");
        job.BytesUploaded = job.FileSize;
        job.NextPollAt = nextPollAt;
        job.CompletedAt = state == JobState.Published ? DateTime.UtcNow : null;
    }

    private async Task<PublishJob> JobAsync(Guid jobId) => (await _app.JobsAsync()).Single(j => j.Id == jobId);

    private async Task<(JobState, Guid?)> StateAndAccountAsync(Guid jobId)
    {
        var job = await JobAsync(jobId);
        return (job.State, job.TikTokAccountId);
    }

    private async Task<int> HistoryCountAsync(Guid jobId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishEvents.CountAsync(e => e.JobId == jobId);
    }

    private static async Task<List<JsonElement>> RequestsAsync(HttpClient client, string endpoint) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"{WorkerTestApp.SandboxTest}/requests?endpoint={endpoint}"))!;

    private static string Text(IElement? element) => Spaces().Replace(element?.TextContent ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public void Dispose() => _app.Dispose();
}
