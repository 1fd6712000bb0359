using Bunit;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// A job's badge (JobStateChip) and its Cancel and Retry buttons (JobActions) with the confirmation each opens
/// (JobActionDialog), for every state a job can be in.
/// </summary>
public sealed class JobComponentsTests : MudBlazorTestContext
{
    private const string ReturnUrl = "/history?state=failed";

    /// <summary>The colour each tone is drawn in: the badge's colour only repeats its label.</summary>
    private static readonly Dictionary<JobStateTone, string> ColourClass = new()
    {
        [JobStateTone.Waiting] = "mud-chip-color-info",
        [JobStateTone.Working] = "mud-chip-color-primary",
        [JobStateTone.Done] = "mud-chip-color-success",
        [JobStateTone.Failed] = "mud-chip-color-error",
        [JobStateTone.Stopped] = "mud-chip-color-default",
    };

    public static TheoryData<JobState> States => new(Enum.GetValues<JobState>());

    [Theory]
    [MemberData(nameof(States))]
    public void Chip_ShowsTheStatesLabelInItsTonesColour(JobState state)
    {
        var chip = Render<JobStateChip>(p => p.Add(x => x.State, state)).Find("[data-job-badge]");

        Assert.Equal(JobStateMachine.Label(state), Text(chip));
        Assert.Equal(state.ToString(), chip.GetAttribute("data-state"));
        var expected = ColourClass[JobStateMachine.Tone(state)];
        Assert.Contains(expected, chip.ClassList);
        Assert.Single(chip.ClassList, c => c.StartsWith("mud-chip-color-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(JobState.Scheduled, true, false)]
    [InlineData(JobState.Queued, true, false)]
    [InlineData(JobState.Initializing, false, false)]
    [InlineData(JobState.Uploading, true, false)]
    [InlineData(JobState.Processing, false, false)]
    [InlineData(JobState.SentToInbox, false, false)]
    [InlineData(JobState.Published, false, false)]
    [InlineData(JobState.Failed, false, true)]
    [InlineData(JobState.Cancelled, false, false)]
    public void Actions_OfferCancelBeforeTikTokHasTheVideoAndRetryOnlyWhenFailed(JobState state, bool cancel, bool retry)
    {
        var cut = RenderActions(JobIn(state));

        Assert.Equal(cancel, cut.FindAll("button[data-job-action=cancel]").Count == 1);
        Assert.Equal(retry, cut.FindAll("button[data-job-action=retry]").Count == 1);
        Assert.All(cut.FindAll("button[data-job-action]"), b => Assert.False(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Actions_FailedWithTheAccountDisconnected_HasNoRetry()
    {
        var cut = RenderActions(JobIn(JobState.Failed, j => j.TikTokAccountId = null));

        Assert.Empty(cut.FindAll("[data-job-action]"));
    }

    [Fact]
    public void Actions_FailedAndRetriedAlready_HasNoRetry()
    {
        var cut = RenderActions(JobIn(JobState.Failed), hasRetry: true);

        Assert.Empty(cut.FindAll("[data-job-action]"));
    }

    [Fact]
    public void Actions_Prerendered_ButtonsWaitForTheCircuit()
    {
        Interactive = false;

        var cut = RenderActions(JobIn(JobState.Queued));

        Assert.True(cut.Find("button[data-job-action=cancel]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(JobState.Scheduled, "Nothing is posted, and the post stays in your history as cancelled.")]
    [InlineData(JobState.Queued, "Nothing is posted, and the post stays in your history as cancelled.")]
    [InlineData(JobState.Uploading, "TikTok never posts an upload that did not finish, so nothing appears on TikTok.")]
    public void Cancel_AsksFirstSayingWhatHappensAndPostsToTheCancelEndpoint(JobState state, string explanation)
    {
        var job = JobIn(state);
        var providers = RenderMudProviders();
        var cut = RenderActions(job);

        cut.Find("button[data-job-action=cancel]").Click();

        var dialog = providers.WaitForElement(".mud-dialog");
        Assert.Equal("Cancel this post?", Text(dialog.QuerySelector(".mud-dialog-title")));
        Assert.Contains(explanation, Text(dialog.QuerySelector(".mud-dialog-content")));
        var form = dialog.QuerySelector("form")!;
        Assert.Equal(("post", JobEndpoints.CancelPath(job.Id)), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(ReturnUrl, form.QuerySelector("input[type=hidden][name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal(AntiforgeryToken, form.QuerySelector($"input[name={AntiforgeryForms.TokenField}]")?.GetAttribute("value"));
        var confirm = form.QuerySelector("button[type=submit][data-job-confirm]")!;
        Assert.Equal("Cancel post", Text(confirm));
        Assert.Contains("mud-button-filled-error", confirm.ClassList);
        Assert.Contains(dialog.QuerySelectorAll("button"), b => Text(b) == "Keep it" && b.GetAttribute("type") != "submit");
    }

    [Fact]
    public void Cancel_KeepIt_ClosesTheDialogWithoutPosting()
    {
        var providers = RenderMudProviders();
        var cut = RenderActions(JobIn(JobState.Scheduled));
        cut.Find("button[data-job-action=cancel]").Click();
        providers.WaitForElement(".mud-dialog");

        providers.FindAll(".mud-dialog button").Single(b => Text(b) == "Keep it").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
    }

    [Fact]
    public void Retry_AsksFirstAndPostsToTheRetryEndpoint()
    {
        var job = JobIn(JobState.Failed);
        var providers = RenderMudProviders();
        var cut = RenderActions(job);

        cut.Find("button[data-job-action=retry]").Click();

        var dialog = providers.WaitForElement(".mud-dialog");
        Assert.Equal("Send it again?", Text(dialog.QuerySelector(".mud-dialog-title")));
        var form = dialog.QuerySelector("form")!;
        Assert.Equal(JobEndpoints.RetryPath(job.Id), form.GetAttribute("action"));
        Assert.Equal(ReturnUrl, form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal("Retry", Text(form.QuerySelector("button[type=submit]")));
    }

    [Theory]
    [InlineData(JobState.Uploading, 4000, "3.9 KB of 9.4 KB sent to TikTok", 4000)]
    [InlineData(JobState.Uploading, 20000, "9.4 KB sent to TikTok", 9582)]
    [InlineData(JobState.Processing, 0, "9.4 KB sent to TikTok", 9582)]
    [InlineData(JobState.Published, 0, "9.4 KB sent to TikTok", 9582)]
    public void Progress_FileUpload_ShowsTheBytesTikTokHas(JobState state, long uploaded, string text, long sent)
    {
        var cut = Render<JobProgress>(p => p.Add(x => x.Job, JobIn(state, j => (j.FileSize, j.BytesUploaded) = (9582, uploaded))));

        Assert.Equal(text, Text(cut.Find("[data-job-progress-text]")));
        var bar = cut.Find("[data-job-progress]");
        Assert.Equal(sent.ToString(System.Globalization.CultureInfo.InvariantCulture), bar.GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Progress_Link_ShowsNothing()
    {
        var cut = Render<JobProgress>(p => p.Add(x => x.Job, JobIn(JobState.Processing, j => (j.Source, j.FileSize, j.SourceUrl) = (VideoSource.Url, 0, "https://videos.midx.test/a.mp4"))));

        Assert.Empty(cut.FindAll("[data-job-progress-box]"));
    }

    [Theory]
    [InlineData(true, "connected", "Live updates: on")]
    [InlineData(false, "connecting", "Live updates: connecting…")]
    public void LiveStatus_SaysWhetherThePageFollowsItsJobs(bool live, string state, string text)
    {
        var status = Render<LiveStatus>(p => p.Add(x => x.Live, live)).Find("[data-live-status]");

        Assert.Equal((state, text), (status.GetAttribute("data-state"), Text(status)));
    }

    private IRenderedComponent<JobActions> RenderActions(PublishJob job, bool hasRetry = false) => Render<JobActions>(p => p
        .Add(x => x.Job, job)
        .Add(x => x.ReturnUrl, ReturnUrl)
        .Add(x => x.HasRetry, hasRetry)
        .Add(x => x.MayChange, true));

    private static PublishJob JobIn(JobState state, Action<PublishJob>? configure = null)
    {
        var job = new PublishJob { SubmissionKey = Guid.NewGuid().ToString("N"), UserId = Guid.NewGuid(), TikTokAccountId = Guid.NewGuid(), State = state };
        configure?.Invoke(job);
        return job;
    }
}
