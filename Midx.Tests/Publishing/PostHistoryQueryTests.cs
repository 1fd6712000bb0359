using Midx.Core.Publishing;
using Midx.Tests.Admin;

namespace Midx.Tests.Publishing;

/// <summary>The history's query: only the person's own posts, the filters, and pages of <see cref="PostHistoryQuery.PageSize"/>.</summary>
public sealed class PostHistoryQueryTests : AdminDatabase
{
    [Fact]
    public async Task Execute_InProgressOfOneAccount_ReturnsOnlyThatPersonsRunningPostsOnThatAccountNewestFirst()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var main = Db.AddAccount(ada, "ada.main", Now);
        var second = Db.AddAccount(ada, "ada.second", Now);
        var stranger = Db.AddAccount(Db.AddUser("bo@example.test", Now), "bo", Now);
        var uploading = Db.AddJob(main, Now.AddMinutes(-1), JobState.Uploading);
        var queued = Db.AddJob(main, Now.AddMinutes(-2), JobState.Queued);
        Db.AddJob(main, Now.AddMinutes(-3), JobState.Published);
        Db.AddJob(second, Now.AddMinutes(-4), JobState.Processing);
        Db.AddJob(stranger, Now.AddMinutes(-5), JobState.Uploading);
        await Db.SaveChangesAsync();

        var page = await new PostHistoryQuery(NewContext())
            .ExecuteAsync(ada.Id, ada.Id, new PostHistoryFilter(PostHistoryStates.InProgress, main.Id, null, 1), CancellationToken.None);

        Assert.Equal([uploading.Id, queued.Id], page.Jobs.Select(j => j.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Execute_MoreThanAPage_SaysThereIsMoreAndTheNextPageHoldsTheRest()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var account = Db.AddAccount(ada, "ada", Now);
        for (var i = 0; i < PostHistoryQuery.PageSize + 3; i++)
        {
            Db.AddJob(account, Now.AddMinutes(-i), mode: i % 2 == 0 ? PublishMode.Direct : PublishMode.Inbox);
        }

        await Db.SaveChangesAsync();
        var query = new PostHistoryQuery(NewContext());

        var first = await query.ExecuteAsync(ada.Id, ada.Id, new PostHistoryFilter(PostHistoryStates.All, null, null, 1), CancellationToken.None);
        var second = await query.ExecuteAsync(ada.Id, ada.Id, new PostHistoryFilter(PostHistoryStates.All, null, null, 2), CancellationToken.None);
        var inbox = await query.ExecuteAsync(ada.Id, ada.Id, new PostHistoryFilter(PostHistoryStates.Published, null, PublishMode.Inbox, 1), CancellationToken.None);

        Assert.Equal(PostHistoryQuery.PageSize, first.Jobs.Count);
        Assert.Equal(PostHistoryQuery.PageSize + 3, first.Total);
        Assert.Equal(3, second.Jobs.Count);
        Assert.Equal(PostHistoryQuery.PageSize + 3, second.Total);
        Assert.Empty(first.Jobs.Select(j => j.Id).Intersect(second.Jobs.Select(j => j.Id)));
        Assert.Equal(11, inbox.Jobs.Count);
        Assert.All(inbox.Jobs, j => Assert.Equal(PublishMode.Inbox, j.Mode));
    }

    [Fact]
    public async Task Execute_Dates_KeepPostsAskedForFromTheFirstInstantAndBeforeTheSecond()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var account = Db.AddAccount(ada, "ada", Now);
        var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        Db.AddJob(account, day.AddTicks(-1));
        var first = Db.AddJob(account, day);
        var last = Db.AddJob(account, day.AddDays(1).AddTicks(-1));
        Db.AddJob(account, day.AddDays(1));
        await Db.SaveChangesAsync();

        var page = await new PostHistoryQuery(NewContext()).ExecuteAsync(
            ada.Id, ada.Id, new PostHistoryFilter(PostHistoryStates.All, null, null, 1, CreatedFrom: day, CreatedBefore: day.AddDays(1)), CancellationToken.None);

        Assert.Equal([last.Id, first.Id], page.Jobs.Select(j => j.Id));
        Assert.Equal(2, page.Total);
    }
}
