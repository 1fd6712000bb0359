using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>The job page, its JSON status and its Cancel and Retry buttons, over HTTP as their owner and as a stranger.</summary>
public sealed class JobPageTests : IDisposable
{
    // No worker: these tests move jobs between states themselves, and a scheduled job must stay put.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task JobPage_Owner_ShowsChoicesConsentTimelineAndCancel()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync("Harbour at dusk");

        var page = await avery.GetHtmlAsync(JobPage.Url(jobId, JobNotice.Submitted));

        var job = page.QuerySelector($"[data-job-id='{jobId}']")!;
        Assert.Equal("Scheduled", job.QuerySelector("[data-job-badge]")?.GetAttribute("data-state"));
        Assert.Equal("Scheduled", job.QuerySelector("[data-job-badge]")?.TextContent.Trim());
        Assert.Contains("Scheduled.", page.QuerySelector("[data-notice]")?.TextContent);
        Assert.Equal("Only me", job.QuerySelector("[data-choice-privacy]")?.TextContent.Trim());
        Assert.Equal(SharingGuidelineTexts.MusicUsageDeclaration, job.QuerySelector("[data-job-consent] blockquote")?.TextContent.Trim());
        Assert.Contains(SharingGuidelineTexts.ProcessingNotice, job.QuerySelector("[data-job-consent]")?.TextContent);
        var entry = Assert.Single(job.QuerySelectorAll("[data-job-timeline] li"));
        Assert.NotNull(entry.QuerySelector("time[data-local-time]"));
        Assert.NotNull(job.QuerySelector("[data-job-action=cancel]"));
        Assert.Null(job.QuerySelector("[data-job-action=retry]"));
        Assert.Null(job.QuerySelector("[data-job-error]"));
    }

    [Fact]
    public async Task JobPage_Stranger_GetsNotFoundForPageStatusAndButtons()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        using var stranger = await _app.SignInAsync("stranger@sandbox.midx.test");
        var token = ComposeTestClient.TokenOf(await stranger.GetHtmlAsync("/"), Midx.App.Accounts.AccountEndpoints.SignOutPath);

        using var page = await stranger.GetAsync(JobPage.Url(jobId));
        using var status = await stranger.GetAsync(JobEndpoints.StatusPath(jobId));
        using var cancel = await stranger.PostAsync(JobEndpoints.CancelPath(jobId), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var retry = await stranger.PostAsync(JobEndpoints.RetryPath(jobId), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("harbour", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        Assert.Equal(JobState.Scheduled, Assert.Single(await _app.JobsAsync()).State);
    }

    [Fact]
    public async Task Status_Owner_ReturnsCurrentStateAsJson()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        await _app.UpdateJobAsync(jobId, j =>
        {
            j.State = JobState.Uploading;
            j.BytesUploaded = 4000;
        });

        var response = await avery.GetFromJsonAsync<JobEndpoints.JobStatusResponse>(JobEndpoints.StatusPath(jobId));

        Assert.NotNull(response);
        var status = response.Job;
        Assert.Equal(jobId, status.JobId);
        Assert.Equal(JobState.Uploading, status.State);
        Assert.Equal("Uploading to TikTok", status.StateLabel);
        Assert.Equal(4000, status.BytesUploaded);
        Assert.Equal(9582, status.FileSize);
        Assert.Equal(JobState.Scheduled, Assert.Single(response.Events).State);
    }

    [Fact]
    public async Task JobPageAndStatus_WorkerDiedMidUpload_SayTheUploadResumesAfterTheRestart()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        await _app.UpdateJobAsync(jobId, j =>
        {
            j.State = JobState.Uploading;
            j.BytesUploaded = 4000;
            j.LeaseOwner = "killed-process";
            j.LeaseExpiresAt = DateTime.UtcNow.AddSeconds(-5);
        });

        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));
        var status = await avery.GetFromJsonAsync<JobEndpoints.JobStatusResponse>(JobEndpoints.StatusPath(jobId));

        Assert.Equal(JobLease.WorkerStoppedMessage, page.QuerySelector("[data-job-message]")?.TextContent.Trim());
        Assert.Equal(JobLease.WorkerStoppedMessage, status?.Job.Message);
    }

    [Fact]
    public async Task Cancel_ScheduledJob_CancelsAndComesBackWithNotice()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));

        using var response = await avery.PostAsync(JobEndpoints.CancelPath(jobId), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", ComposeTestClient.TokenOf(page, Midx.App.Accounts.AccountEndpoints.SignOutPath)),
            new("returnUrl", JobPage.Url(jobId)),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(JobPage.Url(jobId, JobNotice.Cancelled), response.Headers.Location?.OriginalString);
        Assert.Equal(JobState.Cancelled, Assert.Single(await _app.JobsAsync()).State);
        var after = await avery.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Cancelled. Nothing was posted on TikTok.", after.QuerySelector("[data-notice]")?.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-job-action=cancel]"));
    }

    [Fact]
    public async Task Cancel_WithoutAntiforgeryToken_ChangesNothing()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();

        using var response = await avery.PostAsync(JobEndpoints.CancelPath(jobId), new FormUrlEncodedContent([new("returnUrl", "/history")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/history?notice=FormExpired", response.Headers.Location?.OriginalString);
        Assert.Equal(JobState.Scheduled, Assert.Single(await _app.JobsAsync()).State);
    }

    [Fact]
    public async Task FailedJob_ShowsTikTokCodeMessageAndLogIdAndRetryMakesOneNewAttempt()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        await _app.UpdateJobAsync(jobId, j =>
        {
            j.State = JobState.Failed;
            j.ErrorCode = "internal";
            j.ErrorMessage = ErrorCatalog.Internal.Message;
            j.ErrorLogId = "20261122094512ABCDEF";
        });
        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));
        var form = new FormUrlEncodedContent([new("__RequestVerificationToken", ComposeTestClient.TokenOf(page, Midx.App.Accounts.AccountEndpoints.SignOutPath))]);

        using var first = await avery.PostAsync(JobEndpoints.RetryPath(jobId), form);
        using var second = await avery.PostAsync(JobEndpoints.RetryPath(jobId), form);

        var error = page.QuerySelector("[data-job-error]")!;
        Assert.Equal("What TikTok said", error.QuerySelector("[data-job-error-heading]")?.TextContent);
        Assert.Equal("internal", error.QuerySelector("[data-job-error-code]")?.TextContent);
        Assert.Equal("20261122094512ABCDEF", error.QuerySelector("[data-job-log-id]")?.TextContent);
        Assert.Contains("TikTok had an internal problem", error.QuerySelector("[data-job-error-message]")?.TextContent);
        Assert.NotNull(page.QuerySelector("[data-job-action=retry]"));
        var jobs = await _app.JobsAsync();
        Assert.Equal(2, jobs.Count);
        var retry = Assert.Single(jobs, j => j.RetryOfJobId == jobId);
        Assert.Equal(JobPage.Url(retry.Id, JobNotice.Retried), first.Headers.Location?.OriginalString);
        Assert.Equal(JobPage.Url(retry.Id, JobNotice.Retried), second.Headers.Location?.OriginalString);
        var retried = await avery.GetHtmlAsync(JobPage.Url(jobId));
        Assert.Null(retried.QuerySelector("[data-job-action=retry]"));
    }

    [Fact]
    public async Task FailedJob_MidxOwnCode_IsNamedAsMidxsNotTikToks()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        await _app.UpdateJobAsync(jobId, j => j.State = JobState.Uploading);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.SingleAsync(j => j.Id == jobId);
            await scope.ServiceProvider.GetRequiredService<ApplyJobChangeCommand>().ExecuteAsync(job,
                new JobChange(JobState.Failed) { ErrorCode = ErrorCatalog.UploadExpired, Message = "TikTok's upload link expired." }, CancellationToken.None);
        }

        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));
        var status = await avery.GetFromJsonAsync<JobEndpoints.JobStatusResponse>(JobEndpoints.StatusPath(jobId));

        Assert.Equal("What Midx found", page.QuerySelector("[data-job-error] [data-job-error-heading]")?.TextContent);
        var failed = page.QuerySelector("[data-job-timeline] li[data-event-state=Failed]")!;
        Assert.Contains("Midx code upload_expired", failed.TextContent);
        Assert.DoesNotContain("TikTok code", page.QuerySelector("[data-job-timeline]")!.TextContent);
        Assert.Equal("Midx", status!.Job.ErrorSource);
        Assert.Equal("Midx", status.Events[^1].ErrorSource);
    }

    [Fact]
    public async Task JobPage_PublishedWithPublicPostId_LinksToThePostOnTikTok()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        await _app.UpdateJobAsync(jobId, j =>
        {
            j.State = JobState.Published;
            j.PublicPostId = "7312345678901234567";
        });

        var page = await avery.GetHtmlAsync(JobPage.Url(jobId));

        Assert.Equal("https://www.tiktok.com/@avery.creates/video/7312345678901234567", page.QuerySelector("a[data-job-link]")?.GetAttribute("href"));
        Assert.Equal("Posted", page.QuerySelector("[data-job-badge]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-job-action=cancel]"));
    }

    public void Dispose() => _app.Dispose();
}
