using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Components.Layout;
using Midx.App.Publishing;
using Midx.Core.Accounts;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// The review queue, the drawer's count and a sent-back post on the circuit, in a shared workspace that asks for review:
/// what each role sees, and updates through the real bus, forwarder and circuit feed changing them without a reload.
/// </summary>
public sealed class ReviewPagesTests : LivePageTestContext
{
    private User _publisher = default!;
    private User _editor = default!;
    private Workspace _studio = default!;
    private Guid _account;

    public ReviewPagesTests()
    {
        Context.Services.AddScoped<ReviewQueueQuery>();
        Context.Services.AddScoped<PostDetailQuery>();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _publisher = await AddUserAsync("pat@midx.test", "Pat Publisher");
        _editor = await AddUserAsync("eve@midx.test", "Eve Editor");
        _studio = await AddSharedAsync("Studio", (_publisher, WorkspaceRole.Publisher), (_editor, WorkspaceRole.Editor));
        await using var db = NewContext();
        await db.Workspaces.Where(w => w.Id == _studio.Id).ExecuteUpdateAsync(w => w.SetProperty(x => x.RequiresReview, true));
        _account = (await AddAccountAsync(_publisher.Id, "studio", a => a.WorkspaceId = _studio.Id)).Id;
    }

    [Fact]
    public async Task ReviewPage_PublisherWhileAnEditorSendsAPost_ListsItLiveOldestFirst()
    {
        var first = await AddStudioJobAsync(JobState.AwaitingReview, "First teaser");
        await SignInLiveAsync(_publisher, Membership(WorkspaceRole.Publisher));
        var page = Render<ReviewPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-review-entry]")));

        var second = await AddStudioJobAsync(JobState.AwaitingReview, "Second teaser", createdAt: UtcNow.AddMinutes(5));
        await Bus.PublishAsync(JobUpdate.From(second, JobMessages.AwaitingReview, UtcNow.AddMinutes(5)), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal([first.Id.ToString(), second.Id.ToString()],
            page.FindAll("[data-review-entry]").Select(e => e.GetAttribute("data-review-entry"))));
        Assert.Contains("by Eve Editor", Text(page.FindAll("[data-review-entry]")[1]));
        Assert.Equal(JobPage.Url(second.Id), page.FindAll("[data-review-open]")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task ReviewPage_PostWhoseTimePassedWhileItWaited_SaysApprovingAsksForANewTime()
    {
        await AddStudioJobAsync(JobState.AwaitingReview, "Was for this morning", scheduledAt: UtcNow.AddHours(-2));
        await SignInLiveAsync(_publisher, Membership(WorkspaceRole.Publisher));

        var page = Render<ReviewPage>();

        page.WaitForAssertion(() => Assert.Contains("approving it asks for a new time", Text(page.Find("[data-review-late]"))));
    }

    [Fact]
    public async Task ReviewPage_Editor_SeesWhoReviewsInsteadOfTheQueue()
    {
        await AddStudioJobAsync(JobState.AwaitingReview, "Mine");
        await SignInLiveAsync(_editor, Membership(WorkspaceRole.Editor));

        var page = Render<ReviewPage>();

        Assert.Contains("Your role here is Editor", Text(page.Find("[data-review-not-allowed]")));
        Assert.Empty(page.FindAll("[data-review-entry]"));
    }

    [Fact]
    public async Task ReviewPage_NothingWaiting_SaysPostsAppearHereAtOnce()
    {
        await AddStudioJobAsync(JobState.Scheduled, "Approved already");
        await SignInLiveAsync(_publisher, Membership(WorkspaceRole.Publisher));

        var page = Render<ReviewPage>();

        page.WaitForAssertion(() => Assert.Contains("appears here at once", Text(page.Find("[data-review-empty]"))));
    }

    [Fact]
    public async Task ReviewNavLink_PostsSentAndApproved_CountFollowsLive()
    {
        var waiting = await AddStudioJobAsync(JobState.AwaitingReview, "Waiting");
        await SignInLiveAsync(_publisher, Membership(WorkspaceRole.Publisher));
        var link = Render<ReviewNavLink>(p => p
            .Add(x => x.Item, NavigationItems.All.Single(i => i.ReviewOnly))
            .Add(x => x.Workspace, Membership(WorkspaceRole.Publisher)));
        link.WaitForAssertion(() => Assert.Equal("1", link.Find("[data-review-count]").GetAttribute("data-review-count")));

        await using (var db = NewContext())
        {
            await db.PublishJobs.Where(j => j.Id == waiting.Id).ExecuteUpdateAsync(j => j.SetProperty(x => x.State, JobState.Queued));
        }

        await Bus.PublishAsync(JobUpdate.From(await FindJobAsync(waiting.Id), "Approved by Pat Publisher.", UtcNow.AddSeconds(1)), CancellationToken.None);

        link.WaitForAssertion(() => Assert.Empty(link.FindAll("[data-review-count]")));
    }

    [Fact]
    public void NavigationItems_ReviewLink_OnlyForThoseWhoApproveWhereReviewIsOn()
    {
        bool Shows(WorkspaceMembership workspace) => NavigationItems.For(isAdmin: false, workspace).Any(i => i.ReviewOnly);

        Assert.True(Shows(Membership(WorkspaceRole.Publisher)));
        Assert.True(Shows(Membership(WorkspaceRole.Owner)));
        Assert.False(Shows(Membership(WorkspaceRole.Editor)));
        Assert.False(Shows(Membership(WorkspaceRole.Viewer)));
        Assert.False(Shows(Membership(WorkspaceRole.Publisher) with { RequiresReview = false }));
    }

    [Fact]
    public async Task PostPage_ReviewerSendsItBack_EditorSeesTheCommentAndEditLive()
    {
        var job = await AddStudioJobAsync(JobState.AwaitingReview, "Studio teaser");
        await SignInLiveAsync(_editor, Membership(WorkspaceRole.Editor));
        var page = Render<JobPage>(p => p.Add(x => x.Id, job.Id));
        page.WaitForAssertion(() => Assert.Equal("Awaiting review", Text(page.Find("[data-job-badge]"))));
        Assert.Empty(page.FindAll("[data-review-panel]"));
        Assert.Empty(page.FindAll("[data-review-comment-shown]"));

        job.State = JobState.ChangesRequested;
        job.ReviewComment = "Use the second take";
        await using (var db = NewContext())
        {
            await db.PublishJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(j => j
                .SetProperty(x => x.State, JobState.ChangesRequested).SetProperty(x => x.ReviewComment, "Use the second take"));
            db.PublishEvents.Add(new PublishEvent { JobId = job.Id, At = UtcNow.AddSeconds(1), State = JobState.ChangesRequested, Message = "Sent back by Pat Publisher: Use the second take" });
            await db.SaveChangesAsync();
        }

        await Bus.PublishAsync(JobUpdate.From(job, "Sent back by Pat Publisher: Use the second take", UtcNow.AddSeconds(1)), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal("Sent back for changes", Text(page.Find("[data-job-badge]"))));
        Assert.Contains("Use the second take", Text(page.Find("[data-review-comment-shown]")));
        Assert.Equal(ComposePage.EditUrl(job.Id), page.Find("[data-job-action=edit]").GetAttribute("href"));
        Assert.Equal("Sent back by Pat Publisher: Use the second take", Text(page.FindAll("[data-job-timeline] li").Last().QuerySelector(".mud-text-secondary")));
    }

    private WorkspaceMembership Membership(WorkspaceRole role) =>
        new(_studio.Id, _studio.Name, IsPersonal: false, InboxDraftsOnly: false, role, RequiresReview: true);

    private Task<PublishJob> AddStudioJobAsync(JobState state, string caption, DateTime? scheduledAt = null, DateTime? createdAt = null) =>
        AddJobAsync(_editor.Id, _account, state, j =>
        {
            j.WorkspaceId = _studio.Id;
            j.Caption = caption;
            j.ScheduledAt = scheduledAt ?? j.ScheduledAt;
            j.CreatedAt = createdAt ?? j.CreatedAt;
        });
}
