using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class TikTokStatusMappingTests
{
    [Theory]
    [InlineData("PROCESSING_UPLOAD", PublishMode.Direct, JobState.Processing)]
    [InlineData("PROCESSING_DOWNLOAD", PublishMode.Direct, JobState.Processing)]
    [InlineData("SEND_TO_USER_INBOX", PublishMode.Inbox, JobState.SentToInbox)]
    [InlineData("PUBLISH_COMPLETE", PublishMode.Direct, JobState.Published)]
    [InlineData("PUBLISH_COMPLETE", PublishMode.Inbox, JobState.Published)]
    [InlineData("FAILED", PublishMode.Direct, JobState.Failed)]
    [InlineData("SOMETHING_NEW", PublishMode.Direct, JobState.Processing)]
    public void Map_TikTokStatus_GivesJobState(string status, PublishMode mode, JobState expected)
    {
        Assert.Equal(expected, TikTokStatusMapping.Map(status, null, mode).State);
    }

    [Fact]
    public void Map_SentToInbox_TellsCreatorToOpenTheNotification()
    {
        var meaning = TikTokStatusMapping.Map("SEND_TO_USER_INBOX", null, PublishMode.Inbox);

        Assert.Contains("Open the notification in the TikTok app", meaning.Message);
    }

    [Fact]
    public void Map_DirectPublishComplete_SaysItMayTakeMinutesToAppear()
    {
        var meaning = TikTokStatusMapping.Map("PUBLISH_COMPLETE", null, PublishMode.Direct);

        Assert.Contains("few minutes", meaning.Message);
    }

    [Fact]
    public void Map_UnknownStatus_IsNeitherSuccessNorFailure()
    {
        var meaning = TikTokStatusMapping.Map("SOMETHING_NEW", null, PublishMode.Direct);

        Assert.Contains("SOMETHING_NEW", meaning.Message);
        Assert.False(JobStateMachine.IsTerminal(meaning.State));
    }

    [Theory]
    [InlineData("file_format_check_failed", "format", false)]
    [InlineData("duration_check_failed", "length", false)]
    [InlineData("frame_rate_check_failed", "23 and 60 frames per second", false)]
    [InlineData("picture_size_check_failed", "360 and 4096 pixels", false)]
    [InlineData("internal", "Retry the post", true)]
    [InlineData("video_pull_failed", "download", true)]
    [InlineData("publish_cancelled", "cancelled", false)]
    [InlineData("auth_removed", "Reconnect", false)]
    [InlineData("spam_risk_too_many_posts", "daily limit", false)]
    [InlineData("spam_risk_user_banned_from_posting", "blocked this account", false)]
    [InlineData("spam_risk_text", "caption", false)]
    [InlineData("spam_risk", "risky", false)]
    public void Map_FailedWithReason_ExplainsInPlainWords(string reason, string expectedWords, bool retryable)
    {
        var meaning = TikTokStatusMapping.Map("FAILED", reason, PublishMode.Direct);

        Assert.Equal(JobState.Failed, meaning.State);
        Assert.Contains(expectedWords, meaning.Message);
        Assert.DoesNotContain("_", meaning.Message);
        Assert.Equal(retryable, meaning.Retryable);
    }

    [Fact]
    public void Map_FailedWithUnknownReason_NamesTheReason()
    {
        var meaning = TikTokStatusMapping.Map("FAILED", "brand_new_reason", PublishMode.Direct);

        Assert.Equal(JobState.Failed, meaning.State);
        Assert.Contains("brand_new_reason", meaning.Message);
    }
}
