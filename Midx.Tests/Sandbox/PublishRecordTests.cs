using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class PublishRecordTests
{
    private static readonly DateTimeOffset T0 = SandboxTime.Start;
    private static readonly PublishScenario Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

    private static PublishRecord NewPublish(PublishFlow flow = PublishFlow.Direct, PublishSourceKind source = PublishSourceKind.FileUpload,
        string? privacy = PrivacyLevels.PublicToEveryone, PublishScenario? scenario = null) => new()
    {
        PublishId = "v_pub_file~v2-1.1",
        OpenId = TikTokFixtures.Public.OpenId,
        Flow = flow,
        Source = source,
        CreatedAt = T0,
        Scenario = scenario ?? Default,
        PostId = 7_000_000_000_000_000_001,
        Upload = source == PublishSourceKind.FileUpload ? new UploadSession("1", "t", 10, 10, 1, T0.AddHours(1)) : null,
        VideoUrl = source == PublishSourceKind.PullFromUrl ? "https://media.sandbox.midx.test/a.mp4" : null,
        EffectivePrivacy = privacy,
    };

    private static async Task UploadAll(PublishRecord publish, DateTimeOffset at)
    {
        var result = await publish.Upload!.PutAsync(new UploadPutRequest("video/mp4", 10, "bytes 0-9/10"), new MemoryStream(new byte[10]), at, CancellationToken.None);
        Assert.Equal(201, result.StatusCode);
    }

    [Fact]
    public async Task StatusAt_DirectFileUpload_MovesFromUploadThroughProcessingToComplete()
    {
        var publish = NewPublish();

        var beforeUpload = publish.StatusAt(T0.AddMinutes(5));
        await UploadAll(publish, T0.AddMinutes(1));
        var processing = publish.StatusAt(T0.AddMinutes(1).AddSeconds(9));
        var complete = publish.StatusAt(T0.AddMinutes(1).AddSeconds(10));

        Assert.Equal((PublishStatusNames.ProcessingUpload, 0L), (beforeUpload.Status, beforeUpload.TransferredBytes));
        Assert.Equal((PublishStatusNames.ProcessingUpload, 10L), (processing.Status, processing.TransferredBytes));
        Assert.Equal(PublishStatusNames.PublishComplete, complete.Status);
        Assert.Empty(complete.PostIds);
    }

    [Fact]
    public async Task StatusAt_PublicPost_GetsPostIdOnlyAfterModeration()
    {
        var publish = NewPublish();
        await UploadAll(publish, T0);

        var moderating = publish.StatusAt(T0.AddSeconds(10 + 29));
        var moderated = publish.StatusAt(T0.AddSeconds(10 + 30));

        Assert.Empty(moderating.PostIds);
        Assert.Equal([7_000_000_000_000_000_001], moderated.PostIds);
        Assert.Equal(T0.AddSeconds(40), publish.PubliclyAvailableSince(T0.AddDays(1)));
    }

    [Theory]
    [InlineData(PrivacyLevels.SelfOnly)]
    [InlineData(PrivacyLevels.MutualFollowFriends)]
    public async Task StatusAt_NonPublicPost_NeverGetsPostId(string privacy)
    {
        var publish = NewPublish(privacy: privacy);
        await UploadAll(publish, T0);

        var later = publish.StatusAt(T0.AddDays(2));

        Assert.Equal(PublishStatusNames.PublishComplete, later.Status);
        Assert.Empty(later.PostIds);
        Assert.Null(publish.PubliclyAvailableSince(T0.AddDays(2)));
    }

    [Fact]
    public async Task StatusAt_ScenarioFailReason_FailsWhenProcessingEnds()
    {
        var publish = NewPublish(scenario: Default with { FailReason = "frame_rate_check_failed" });
        await UploadAll(publish, T0);

        var processing = publish.StatusAt(T0.AddSeconds(5));
        var failed = publish.StatusAt(T0.AddSeconds(10));

        Assert.Equal(PublishStatusNames.ProcessingUpload, processing.Status);
        Assert.Equal((PublishStatusNames.Failed, "frame_rate_check_failed"), (failed.Status, failed.FailReason));
    }

    [Fact]
    public async Task StatusAt_StuckScenario_StaysProcessingForever()
    {
        var publish = NewPublish(scenario: Default with { Stuck = true });
        await UploadAll(publish, T0);

        Assert.Equal(PublishStatusNames.ProcessingUpload, publish.StatusAt(T0.AddDays(30)).Status);
    }

    [Fact]
    public void StatusAt_PullFromUrl_ReportsDownloadProgressThenCompletes()
    {
        var publish = NewPublish(source: PublishSourceKind.PullFromUrl);

        var halfway = publish.StatusAt(T0.AddSeconds(5));
        var done = publish.StatusAt(T0.AddSeconds(10));

        Assert.Equal((PublishStatusNames.ProcessingDownload, PublishRecord.PulledVideoSize / 2), (halfway.Status, halfway.TransferredBytes));
        Assert.Equal(PublishStatusNames.PublishComplete, done.Status);
    }

    [Fact]
    public void StatusAt_UnreachablePullUrl_FailsWithVideoPullFailed()
    {
        var publish = NewPublish(source: PublishSourceKind.PullFromUrl, scenario: Default with { PullFails = true });

        var status = publish.StatusAt(T0.AddSeconds(10));

        Assert.Equal((PublishStatusNames.Failed, "video_pull_failed"), (status.Status, status.FailReason));
    }

    [Fact]
    public void Cancel_DownloadInProgress_FailsWithPublishCancelled()
    {
        var publish = NewPublish(source: PublishSourceKind.PullFromUrl);

        var cancelled = publish.Cancel(T0.AddSeconds(2));
        var status = publish.StatusAt(T0.AddSeconds(60));

        Assert.True(cancelled);
        Assert.Equal((PublishStatusNames.Failed, "publish_cancelled"), (status.Status, status.FailReason));
    }

    [Fact]
    public async Task Cancel_FileUploadOrFinishedDownload_IsRefused()
    {
        var file = NewPublish();
        await UploadAll(file, T0);
        var pull = NewPublish(source: PublishSourceKind.PullFromUrl);

        Assert.False(file.Cancel(T0.AddSeconds(1)));
        Assert.False(pull.Cancel(T0.AddSeconds(10)));
        Assert.Equal(PublishStatusNames.PublishComplete, pull.StatusAt(T0.AddSeconds(11)).Status);
    }

    [Fact]
    public async Task StatusAt_Inbox_WaitsInInboxUntilTheUserPostsThenCompletes()
    {
        var publish = NewPublish(flow: PublishFlow.Inbox, privacy: null);
        await UploadAll(publish, T0);

        var delivered = publish.StatusAt(T0.AddHours(5));
        var posted = publish.MarkUserPosted(T0.AddHours(5), PrivacyLevels.PublicToEveryone);
        var complete = publish.StatusAt(T0.AddHours(5));
        var publicLater = publish.StatusAt(T0.AddHours(5).AddSeconds(30));

        Assert.Equal(PublishStatusNames.SendToUserInbox, delivered.Status);
        Assert.True(posted);
        Assert.Equal(PublishStatusNames.PublishComplete, complete.Status);
        Assert.Empty(complete.PostIds);
        Assert.Single(publicLater.PostIds);
    }

    [Fact]
    public void MarkUserPosted_BeforeTheDraftReachedTheInbox_IsRefused()
    {
        var publish = NewPublish(flow: PublishFlow.Inbox, privacy: null);

        Assert.False(publish.MarkUserPosted(T0, PrivacyLevels.PublicToEveryone));
        Assert.Equal(PublishStatusNames.ProcessingUpload, publish.StatusAt(T0.AddDays(1)).Status);
    }

    [Fact]
    public async Task MarkAuthRemoved_WhileProcessing_FailsWithAuthRemoved()
    {
        var publish = NewPublish();
        await UploadAll(publish, T0);

        var removed = publish.MarkAuthRemoved(T0.AddSeconds(3));
        var status = publish.StatusAt(T0.AddMinutes(5));

        Assert.True(removed);
        Assert.Equal((PublishStatusNames.Failed, "auth_removed"), (status.Status, status.FailReason));
    }

    [Fact]
    public async Task MarkAuthRemoved_AfterCompletion_IsRefusedAndKeepsTheResult()
    {
        var publish = NewPublish();
        await UploadAll(publish, T0);

        var removed = publish.MarkAuthRemoved(T0.AddMinutes(1));

        Assert.False(removed);
        Assert.Equal(PublishStatusNames.PublishComplete, publish.StatusAt(T0.AddMinutes(2)).Status);
    }
}
