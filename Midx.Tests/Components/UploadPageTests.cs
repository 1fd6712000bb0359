using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Midx.App.Admin;
using Midx.App.Components.Shared;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// The admin console's upload page on the circuit: the error box and status history, cancelling with a reason through
/// the dialog, an unknown id, and the page following its upload live.
/// </summary>
public sealed class UploadPageTests : LivePageTestContext
{
    private User _admin = default!;
    private User _avery = default!;
    private TikTokAccount _harbour = default!;

    public UploadPageTests()
    {
        Context.Services.AddScoped<UploadDetailQuery>();
        Context.Services.AddScoped<CancelUploadCommand>();
        Context.Services.AddScoped<ApplyJobChangeCommand>();
        Context.Services.AddScoped<ReleaseJobMediaCommand>();
        Context.Services.AddScoped<AuditLog>();
        Context.Services.AddSingleton<MediaStore>();
        Context.Services.AddSingleton(Options.Create(new RetentionOptions()));
        Context.Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Development", ContentRootPath = Path.GetTempPath() });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await AddUserAsync("admin@midx.test", "Ada", isAdmin: true);
        _avery = await AddUserAsync("avery@midx.test", "Avery");
        _harbour = await AddAccountAsync(_avery.Id, "harbour");
        // Before anything is read from the services: signing in registers the test's authorization.
        await SignInLiveAsync(_admin);
    }

    [Fact]
    public async Task FailedUpload_ShowsTheErrorBoxAndEveryStepWithItsDuration()
    {
        var job = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Failed, j =>
            (j.ErrorCode, j.ErrorMessage, j.ErrorLogId) = ("spam_risk_text", "TikTok judged the caption to be spam.", "LOG-42"));
        await AddStepsAsync(job.Id, (JobState.Queued, 0), (JobState.Uploading, 2), (JobState.Failed, 95));

        var page = await RenderLiveAsync(job.Id);

        var error = page.Find("[data-upload-error]");
        Assert.Contains("TikTok judged the caption to be spam.", Text(error));
        Assert.Contains("spam_risk_text", Text(error));
        Assert.Contains(ErrorCatalog.Find("spam_risk_text").ToDo, Text(error));
        Assert.Equal("LOG-42", Text(page.Find("[data-log-id]")));
        Assert.Equal(["Queued", "Uploading", "Failed"], page.FindAll("[data-timeline] li").Select(li => li.GetAttribute("data-step")));
        Assert.Equal(["2 s in this stage", "1 min 33 s in this stage", "current stage"], page.FindAll("[data-duration]").Select(Text));
        Assert.Equal(nameof(JobState.Failed), page.Find("[data-job-badge]").GetAttribute("data-state"));
        Assert.Empty(page.FindAll("[data-action=cancel-upload]"));
    }

    [Fact]
    public async Task Cancel_ReasonGivenInTheDialog_CancelsAuditsTheReasonAndSaysSo()
    {
        var job = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Scheduled);
        var providers = RenderMudProviders();
        var page = await RenderLiveAsync(job.Id);

        page.Find("[data-action=cancel-upload]").Click();
        providers.WaitForElement("[data-admin-dialog] textarea, [data-admin-dialog] input").Input("The user asked support to stop it.");
        providers.Find("[data-admin-confirm]").Click();

        providers.WaitForAssertion(() => Assert.Contains("The upload is cancelled.", Text(providers.Find(".mud-snackbar"))));
        Assert.Contains("mud-alert-filled-success", providers.Find(".mud-snackbar").ClassName);
        Assert.Equal(JobState.Cancelled, (await FindJobAsync(job.Id)).State);
        var audit = await QueryAsync(db => db.AuditEvents.SingleAsync(a => a.Action == AdminAuditActions.CancelledUpload));
        Assert.Equal((_admin.Id, _avery.Id), (audit.ActorUserId, audit.SubjectUserId!.Value));
        Assert.EndsWith("reason: The user asked support to stop it.", audit.Detail);
        page.WaitForAssertion(() => Assert.Equal(nameof(JobState.Cancelled), page.Find("[data-job-badge]").GetAttribute("data-state")));
        Assert.Equal(nameof(JobState.Cancelled), page.FindAll("[data-timeline] li").Last().GetAttribute("data-step"));
        Assert.Empty(page.FindAll("[data-action=cancel-upload]"));
    }

    [Fact]
    public async Task Cancel_DialogKeptAsItIs_ChangesNothing()
    {
        var job = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Queued);
        var providers = RenderMudProviders();
        var page = await RenderLiveAsync(job.Id);

        page.Find("[data-action=cancel-upload]").Click();
        providers.WaitForElement("[data-admin-dialog]");
        providers.FindAll(".mud-dialog button").Single(b => Text(b) == "Keep as it is").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
        Assert.Equal(JobState.Queued, (await FindJobAsync(job.Id)).State);
        Assert.Empty(providers.FindAll(".mud-snackbar"));
        Assert.Empty(await QueryAsync(db => db.AuditEvents.ToListAsync()));
    }

    [Fact]
    public void UnknownId_SaysThereIsNoSuchUploadAndLinksBack()
    {
        var page = Render<UploadPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        var missing = page.WaitForElement("[data-upload-missing]");
        Assert.StartsWith(UploadPage.NotFoundText, Text(missing));
        Assert.Equal(UploadsPage.ListPath, missing.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task LiveUpdate_OfThisUpload_ReloadsItsStateAndTimeline()
    {
        var job = await AddJobAsync(_avery.Id, _harbour.Id, JobState.Queued);
        await AddStepsAsync(job.Id, (JobState.Queued, 0));
        var page = await RenderLiveAsync(job.Id);
        Assert.Single(page.FindAll("[data-timeline] li"));

        await QueryAsync(async db =>
        {
            await db.PublishJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Uploading));
            db.PublishEvents.Add(new PublishEvent { JobId = job.Id, At = UtcNow.AddSeconds(4), State = JobState.Uploading, BytesUploaded = 4096 });
            return await db.SaveChangesAsync();
        });
        await Bus.PublishAsync(new JobUpdate(job.Id, _avery.Id, JobState.Uploading, JobStateMachine.Label(JobState.Uploading), false, null, 4096,
            job.FileSize, null, null, null, null, UtcNow.AddSeconds(4)), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-timeline] li").Count));
        Assert.Equal(nameof(JobState.Uploading), page.Find("[data-job-badge]").GetAttribute("data-state"));
        Assert.Equal($"current stage · {ByteSize.Describe(4096)} sent", Text(page.FindAll("[data-duration]").Last()));
    }

    private Task<IRenderedComponent<UploadPage>> RenderLiveAsync(Guid id)
    {
        var page = Render<UploadPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));
        return Task.FromResult(page);
    }

    /// <summary>Status changes of <paramref name="jobId"/>, each this many seconds after the first.</summary>
    private Task AddStepsAsync(Guid jobId, params (JobState State, int Seconds)[] steps) => QueryAsync(db =>
    {
        db.PublishEvents.AddRange(steps.Select(s => new PublishEvent { JobId = jobId, At = UtcNow.AddSeconds(s.Seconds), State = s.State }));
        return db.SaveChangesAsync();
    });

    private Task<T> QueryAsync<T>(Func<MidxDbContext, Task<T>> query) =>
        Context.Services.GetRequiredService<FreshScope>().RunAsync(query);
}
