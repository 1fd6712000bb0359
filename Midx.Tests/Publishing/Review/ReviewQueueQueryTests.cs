using Midx.Core.Accounts;
using Midx.Core.Publishing;
using Midx.Core.Workspaces;

namespace Midx.Tests.Publishing.Review;

/// <summary>
/// The review queue shows a workspace's posts awaiting review, oldest first, only to members who may approve them there;
/// the history's "in review" filter shows everyone in the workspace what waits for people.
/// </summary>
public sealed class ReviewQueueQueryTests : IAsyncLifetime
{
    private ReviewStudio _studio = default!;

    public async Task InitializeAsync() => _studio = await ReviewStudio.CreateAsync();

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Owner)]
    public async Task Execute_MemberWhoMayApprove_ListsOnlyPostsAwaitingReviewOldestFirst(WorkspaceRole role)
    {
        var first = await _studio.PostAsync(_studio.Editor);
        _studio.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        var secondAt = _studio.Now.AddHours(2);
        var second = await _studio.PostAsync(_studio.Editor, secondAt);
        _studio.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        var sentBack = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Publisher, sentBack.Id, "Shorter")).Succeeded);
        await _studio.PostAsync(_studio.Publisher);

        var queue = await QueueAsync(_studio.Member(role));

        Assert.Equal([first.Id, second.Id], queue.Select(e => e.JobId));
        Assert.All(queue, e => Assert.Equal(("Eve Editor", "studio"), (e.ComposerName, e.Username)));
        Assert.Equal(secondAt, queue[1].ScheduledAt);
        Assert.Equal(2, await CountAsync(_studio.Member(role)));
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(null)]
    public async Task Execute_SomeoneWhoMayNotApproveThere_SeesNothing(WorkspaceRole? role)
    {
        await _studio.PostAsync(_studio.Editor);
        var reader = role is { } member ? _studio.Member(member) : _studio.Stranger;

        Assert.Empty(await QueueAsync(reader));
        Assert.Equal(0, await CountAsync(reader));
        Assert.Equal(1, await CountAsync(_studio.Publisher));
    }

    [Fact]
    public async Task Execute_PublisherOfTwoWorkspaces_SeesEachWorkspacesPostsOnlyInItsOwnQueue()
    {
        var agencyEditor = await _studio.AddUserAsync("Ed Agency");
        var agency = await _studio.AddWorkspaceAsync("Agency", requiresReview: true,
            (_studio.Publisher, WorkspaceRole.Owner), (agencyEditor, WorkspaceRole.Editor));
        var inStudio = await _studio.PostAsync(_studio.Editor);
        var inAgency = await _studio.PostAsync(agencyEditor, place: agency);

        Assert.Equal([inStudio.Id], (await QueueAsync(_studio.Publisher)).Select(e => e.JobId));
        Assert.Equal([inAgency.Id], (await QueueAsync(_studio.Publisher, agency.WorkspaceId)).Select(e => e.JobId));
        Assert.Empty(await QueueAsync(_studio.Owner, agency.WorkspaceId));
        Assert.Equal((1, 1), (await CountAsync(_studio.Publisher), await CountAsync(_studio.Publisher, agency.WorkspaceId)));
    }

    [Fact]
    public async Task PostHistory_InReviewFilter_ShowsPostsAwaitingReviewAndSentBackToEveryMember()
    {
        var awaiting = await _studio.PostAsync(_studio.Editor);
        var sentBack = await _studio.PostAsync(_studio.Editor);
        Assert.True((await _studio.SendBackAsync(_studio.Owner, sentBack.Id, "Shorter")).Succeeded);
        await _studio.PostAsync(_studio.Publisher);

        var page = await _studio.ReadAsync(db => new PostHistoryQuery(db).ExecuteAsync(_studio.Viewer.Id, _studio.Studio.WorkspaceId,
            new PostHistoryFilter(PostHistoryStates.InReview, null, null, 1), CancellationToken.None));

        Assert.Equal(new HashSet<Guid> { awaiting.Id, sentBack.Id }, page.Jobs.Select(j => j.Id).ToHashSet());
        Assert.Equal(2, page.Total);
    }

    private Task<IReadOnlyList<ReviewQueueEntry>> QueueAsync(User reader, Guid? workspaceId = null) =>
        _studio.ReadAsync(db => new ReviewQueueQuery(db).ExecuteAsync(reader.Id, workspaceId ?? _studio.Studio.WorkspaceId, CancellationToken.None));

    private Task<int> CountAsync(User reader, Guid? workspaceId = null) =>
        _studio.ReadAsync(db => new ReviewQueueQuery(db).CountAsync(reader.Id, workspaceId ?? _studio.Studio.WorkspaceId, CancellationToken.None));
}
