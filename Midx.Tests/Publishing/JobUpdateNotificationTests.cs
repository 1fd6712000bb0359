using System.Text;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class JobUpdateNotificationTests
{
    private static readonly Guid Origin = Guid.NewGuid();

    [Fact]
    public void Encode_OrdinaryUpdate_DecodesToTheSameUpdateAndOrigin()
    {
        var update = Update("TikTok is receiving and checking the video.");

        var payload = JobUpdateNotification.Encode(Origin, update);

        Assert.True(JobUpdateNotification.TryDecode(payload, out var origin, out var decoded));
        Assert.Equal(Origin, origin);
        Assert.Equal(update, decoded);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("é")]
    [InlineData("😀")]
    public void Encode_MessageTooLongForNotify_ShortensOnlyTheMessageToFit(string unit)
    {
        var message = string.Concat(Enumerable.Repeat(unit, 20_000));
        var update = Update(message);

        var payload = JobUpdateNotification.Encode(Origin, update);

        Assert.True(Encoding.UTF8.GetByteCount(payload) < 8000, $"The payload is {Encoding.UTF8.GetByteCount(payload)} bytes.");
        Assert.True(JobUpdateNotification.TryDecode(payload, out _, out var decoded));
        Assert.Equal(update with { Message = decoded.Message }, decoded);
        Assert.EndsWith(JobUpdateNotification.Ellipsis, decoded.Message);
        var kept = decoded.Message![..^JobUpdateNotification.Ellipsis.Length];
        Assert.StartsWith(kept, message, StringComparison.Ordinal);
        Assert.True(kept.Length >= 1000, $"Only {kept.Length} characters of the message were kept.");
        Assert.Equal(kept, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(kept)));
    }

    [Fact]
    public void Encode_OtherTextsTooLongEvenWithoutMessage_KeepsStateAndIdsAndDropsTheTexts()
    {
        var huge = new string('c', 9000);
        var update = Update("short") with { ErrorCode = huge, LogId = huge, TikTokStatus = huge, PublicPostId = huge };

        var payload = JobUpdateNotification.Encode(Origin, update);

        Assert.True(Encoding.UTF8.GetByteCount(payload) < 8000);
        Assert.True(JobUpdateNotification.TryDecode(payload, out _, out var decoded));
        Assert.Equal(update with { Message = null, ErrorCode = null, LogId = null, TikTokStatus = null, PublicPostId = null }, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{\"origin\":\"00000000-0000-0000-0000-000000000000\",\"update\":null}")]
    [InlineData("{\"update\":{\"jobId\":\"8c1b6f2e-5d0a-4f5e-9d43-0a0f8f0b1c2d\"}}")]
    public void TryDecode_NotAJobUpdate_ReturnsFalse(string payload)
    {
        Assert.False(JobUpdateNotification.TryDecode(payload, out _, out var update));
        Assert.Null(update);
    }

    private static JobUpdate Update(string? message) => new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        JobState.Failed,
        "Failed",
        IsTerminal: true,
        TikTokStatus: "FAILED",
        BytesUploaded: 9582,
        FileSize: 19164,
        Message: message,
        ErrorCode: "frame_rate_check_failed",
        LogId: "202611220900001234ABCD",
        PublicPostId: null,
        At: new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc));
}
