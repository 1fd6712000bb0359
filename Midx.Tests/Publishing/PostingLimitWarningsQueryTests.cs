using Microsoft.Extensions.Time.Testing;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class PostingLimitWarningsQueryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private PublishingDatabase _database = default!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await PublishingDatabase.CreateAsync(Now);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Execute_QuietAccount_HasNoWarnings()
    {
        await AddPostedAsync(3, PublishMode.Direct, JobState.Published, Now.AddHours(-2));

        Assert.Empty(await WarningsAsync());
    }

    [Fact]
    public async Task Execute_FiveInitsInTheLastMinute_WarnsAboutTheSixPerMinuteLimit()
    {
        await AddPostedAsync(5, PublishMode.Direct, JobState.Processing, Now.AddSeconds(-20));

        var warning = Assert.Single(await WarningsAsync());
        Assert.Equal(PostingLimit.InitsPerMinute, warning.Limit);
        Assert.Equal(5, warning.Count);
        Assert.Contains("TikTok allows 6", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_TwelvePostsToday_WarnsAboutTheDailyCapButNotOldPosts()
    {
        await AddPostedAsync(12, PublishMode.Direct, JobState.Published, Now.AddHours(-3));
        await AddPostedAsync(10, PublishMode.Direct, JobState.Published, Now.AddHours(-30));

        var warning = Assert.Single(await WarningsAsync());
        Assert.Equal(PostingLimit.DailyPosts, warning.Limit);
        Assert.Equal(12, warning.Count);
        Assert.Equal(15, warning.Cap);
    }

    [Fact]
    public async Task Execute_FivePendingInboxDrafts_WarnsToClearTheInbox()
    {
        await AddPostedAsync(5, PublishMode.Inbox, JobState.SentToInbox, Now.AddHours(-5));
        await AddPostedAsync(2, PublishMode.Inbox, JobState.Published, Now.AddHours(-5));

        var warning = Assert.Single(await WarningsAsync());
        Assert.Equal(PostingLimit.PendingInboxDrafts, warning.Limit);
        Assert.Equal(5, warning.Count);
        Assert.Contains("post or delete", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SomeoneElsesAccount_SeesNothing()
    {
        await AddPostedAsync(6, PublishMode.Direct, JobState.Processing, Now.AddSeconds(-10));
        await using var db = _database.NewContext();

        var warnings = await new PostingLimitWarningsQuery(db, _time).ExecuteAsync(Guid.NewGuid(), _database.Account.Id, CancellationToken.None);

        Assert.Empty(warnings);
    }

    private async Task AddPostedAsync(int count, PublishMode mode, JobState state, DateTime initAt)
    {
        for (var i = 0; i < count; i++)
        {
            await _database.AddJobAsync(state, initAt, j =>
            {
                j.Mode = mode;
                j.InitStartedAt = initAt;
                j.PublishId = $"v_pub_file~v2-1.{Guid.NewGuid():N}";
            });
        }
    }

    private async Task<IReadOnlyList<PostingLimitWarning>> WarningsAsync()
    {
        await using var db = _database.NewContext();
        return await new PostingLimitWarningsQuery(db, _time).ExecuteAsync(_database.User.Id, _database.Account.Id, CancellationToken.None);
    }
}
