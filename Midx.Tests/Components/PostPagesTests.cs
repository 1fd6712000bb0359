using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// The post page and the history on the circuit: what they show for each state, the confirmations behind Cancel and
/// Retry, and an update pushed through the real bus, forwarder and circuit feed changing the page without a reload.
/// </summary>
public sealed class PostPagesTests : LivePageTestContext
{
    public PostPagesTests()
    {
        Context.Services.AddScoped<PostDetailQuery>();
        Context.Services.AddScoped<PostHistoryQuery>();
    }

    [Fact]
    public async Task PostPage_WorkerMovesThePost_BadgeProgressMessageAndTimelineFollowWithoutReload()
    {
        var (avery, account) = await SignInWithAccountAsync();
        var job = await AddJobAsync(avery.Id, account.Id, JobState.Queued);
        var page = Render<JobPage>(p => p.Add(x => x.Id, job.Id));
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));
        Assert.Equal("Waiting to start", Text(page.Find("[data-job-badge]")));
        Assert.Null(page.Find("[data-job-actions]").QuerySelector("[data-job-action=retry]"));

        await Bus.PublishAsync(UpdateOf(job, JobState.Uploading, bytes: 4000, message: "Sending the video to TikTok."), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal("Uploading to TikTok", Text(page.Find("[data-job-badge]"))));
        Assert.Equal("3.9 KB of 9.4 KB sent to TikTok", Text(page.Find("[data-job-progress-text]")));
        Assert.Equal("Sending the video to TikTok.", Text(page.Find("[data-job-message]")));
        var entry = Assert.Single(page.FindAll("[data-job-timeline] li"));
        Assert.Equal(nameof(JobState.Uploading), entry.GetAttribute("data-event-state"));
        Assert.NotNull(page.Find("[data-job-action=cancel]"));

        // Bytes only: the bar moves, the timeline does not grow.
        await Bus.PublishAsync(UpdateOf(job, JobState.Uploading, bytes: 9582, historyEntry: false), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal("9.4 KB sent to TikTok", Text(page.Find("[data-job-progress-text]"))));
        Assert.Single(page.FindAll("[data-job-timeline] li"));

        await Bus.PublishAsync(UpdateOf(job, JobState.Published, bytes: 9582, message: "Posted on TikTok.", postId: "7312345678901234567"), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal("Posted", Text(page.Find("[data-job-badge]"))));
        Assert.Equal("https://www.tiktok.com/@harbour/video/7312345678901234567", page.Find("a[data-job-link]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-job-action]"));
        Assert.Equal("right after", Text(page.FindAll("[data-job-timeline] li")[1].QuerySelector("[data-step-took]")));
    }

    [Fact]
    public async Task PostPage_UpdateOfAnotherPost_ChangesNothing()
    {
        var (avery, account) = await SignInWithAccountAsync();
        var job = await AddJobAsync(avery.Id, account.Id, JobState.Queued);
        var other = await AddJobAsync(avery.Id, account.Id, JobState.Queued);
        var page = Render<JobPage>(p => p.Add(x => x.Id, job.Id));
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));

        await Bus.PublishAsync(UpdateOf(other, JobState.Failed, message: "Refused."), CancellationToken.None);
        await Bus.PublishAsync(UpdateOf(job, JobState.Initializing, message: "Starting."), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal("Starting", Text(page.Find("[data-job-badge]"))));
        Assert.Equal([nameof(JobState.Initializing)], page.FindAll("[data-job-timeline] li").Select(li => li.GetAttribute("data-event-state")));
    }

    [Fact]
    public async Task PostPage_FailedOnTikTok_ShowsCodeExplanationAndLogIdAndRetryAsksFirst()
    {
        var (avery, account) = await SignInWithAccountAsync();
        var job = await AddJobAsync(avery.Id, account.Id, JobState.Failed, j =>
        {
            // A link: TikTok downloads it again, so Midx can always retry it.
            (j.Source, j.SourceUrl) = (VideoSource.Url, "https://media.midx.test/v/1.mp4");
            j.ErrorCode = "spam_risk_text";
            j.ErrorMessage = "TikTok flagged the caption as possible spam.";
            j.ErrorLogId = "20261202120000ABCDEF";
        });
        var providers = RenderMudProviders();
        var page = Render<JobPage>(p => p.Add(x => x.Id, job.Id));

        var error = page.WaitForElement("[data-job-error]");
        Assert.Equal("What TikTok said", Text(error.QuerySelector("[data-job-error-heading]")));
        Assert.Equal("spam_risk_text", Text(error.QuerySelector("[data-job-error-code]")));
        Assert.Equal("TikTok flagged the caption as possible spam.", Text(error.QuerySelector("[data-job-error-message]")));
        Assert.Equal("20261202120000ABCDEF", Text(error.QuerySelector("[data-job-log-id]")));
        Assert.Null(page.Find("[data-job-actions]").QuerySelector("[data-job-action=cancel]"));

        page.Find("[data-job-action=retry]").Click();

        var dialog = providers.WaitForElement(".mud-dialog");
        Assert.Contains("as a new attempt, now", Text(dialog));
        var form = dialog.QuerySelector("form")!;
        Assert.Equal(JobEndpoints.RetryPath(job.Id), form.GetAttribute("action"));
        Assert.Equal(JobPage.Url(job.Id), form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal(AntiforgeryToken, form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
        Assert.Equal(JobState.Failed, (await FindJobAsync(job.Id)).State);
    }

    [Fact]
    public async Task PostPage_SomeoneElsesPost_IsNotFoundAndRevealsNothing()
    {
        var (avery, _) = await SignInWithAccountAsync();
        var blake = await AddUserAsync("blake@midx.test", "Blake");
        var blakes = await AddAccountAsync(blake.Id, "blakes");
        var job = await AddJobAsync(blake.Id, blakes.Id, JobState.Scheduled, j => j.Caption = "Blake's secret launch");

        var page = Render<JobPage>(p => p.Add(x => x.Id, job.Id));

        page.WaitForAssertion(() => Assert.Contains("couldn't find", page.Markup, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("secret launch", page.Markup);
        Assert.Empty(page.FindAll("[data-job-id]"));
    }

    [Fact]
    public async Task History_UpdatesOfItsPosts_ChangeTheirRowsAndANewPostAppearsOnTop()
    {
        var (avery, account) = await SignInWithAccountAsync();
        var scheduled = await AddJobAsync(avery.Id, account.Id, JobState.Scheduled, j => j.CreatedAt = UtcNow.AddMinutes(-5));
        var providers = RenderMudProviders();
        var page = Render<HistoryPage>();
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));
        var row = page.Find($"[data-job-id='{scheduled.Id}']");
        Assert.Equal("Scheduled", Text(row.QuerySelector("[data-job-badge]")));

        page.Find($"[data-job-id='{scheduled.Id}'] [data-job-action=cancel]").Click();
        var dialog = providers.WaitForElement(".mud-dialog");
        Assert.Equal(JobEndpoints.CancelPath(scheduled.Id), dialog.QuerySelector("form")?.GetAttribute("action"));
        Assert.Equal("/history", dialog.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));

        await Bus.PublishAsync(UpdateOf(scheduled, JobState.Cancelled, message: "Cancelled."), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal("Cancelled", Text(page.Find($"[data-job-id='{scheduled.Id}'] [data-job-badge]"))));
        Assert.Empty(page.FindAll($"[data-job-id='{scheduled.Id}'] [data-job-action]"));

        var retry = await AddJobAsync(avery.Id, account.Id, JobState.Queued, j => j.Caption = "A new attempt");
        await Bus.PublishAsync(UpdateOf(retry, JobState.Queued, message: "Waiting to start."), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal([retry.Id.ToString(), scheduled.Id.ToString()],
            page.FindAll("[data-job-id]").Select(r => r.GetAttribute("data-job-id"))));
    }

    [Fact]
    public async Task History_FiltersInTheAddress_ShowOnlyMatchingPostsAndSayHowMany()
    {
        var (avery, account) = await SignInWithAccountAsync();
        await AddJobAsync(avery.Id, account.Id, JobState.Failed, j => j.CreatedAt = new DateTime(2026, 11, 19, 22, 30, 0, DateTimeKind.Utc));
        var inside = await AddJobAsync(avery.Id, account.Id, JobState.Failed, j =>
        {
            j.CreatedAt = new DateTime(2026, 11, 19, 23, 30, 0, DateTimeKind.Utc);
            (j.Source, j.SourceUrl) = (VideoSource.Url, "https://media.midx.test/v/1.mp4");
            j.ErrorCode = "spam_risk_text";
            j.ErrorMessage = "TikTok flagged the caption as possible spam.";
        });
        await AddJobAsync(avery.Id, account.Id, JobState.Scheduled, j => j.CreatedAt = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/history?state=failed&from=2026-11-20&to=2026-11-20&tz=Europe/Berlin");

        var page = Render<HistoryPage>();

        page.WaitForAssertion(() => Assert.Equal([inside.Id.ToString()], page.FindAll("[data-job-id]").Select(r => r.GetAttribute("data-job-id"))));
        Assert.Equal("TikTok flagged the caption as possible spam.", Text(page.Find("[data-job-message]")));
        Assert.Contains("1 post matches", Text(page.Find("[data-history-filters]")));
        Assert.NotNull(page.Find("[data-job-action=retry]"));
    }

    [Fact]
    public async Task History_NoPostsYet_InvitesToComposeAndFilteredToNothing_OffersToShowAll()
    {
        await SignInWithAccountAsync();
        var page = Render<HistoryPage>();
        var empty = page.WaitForElement("[data-history-empty]");
        Assert.Contains("Nothing posted yet", Text(empty));
        Assert.Equal("/compose", empty.QuerySelector("a")?.GetAttribute("href"));

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/history?state=published");
        page.WaitForAssertion(() => Assert.Contains("No posts match these filters", Text(page.Find("[data-history-empty]"))));
        Assert.Equal("/history", page.Find("[data-history-empty] a").GetAttribute("href"));
    }

    private async Task<(Midx.Core.Accounts.User User, Midx.Core.TikTok.TikTokAccount Account)> SignInWithAccountAsync()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var account = await AddAccountAsync(avery.Id, "harbour");
        await SignInLiveAsync(avery);
        return (avery, account);
    }

    private JobUpdate UpdateOf(PublishJob job, JobState state, long bytes = 0, string? message = null, string? postId = null, bool historyEntry = true) => new(
        job.Id, job.WorkspaceId, state, JobStateMachine.Label(state), JobStateMachine.IsTerminal(state), null, bytes, job.FileSize,
        message, null, null, postId, UtcNow.AddSeconds(1), historyEntry);
}
