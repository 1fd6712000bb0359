namespace Midx.Core.Publishing;

/// <summary>One entry of a job's status history.</summary>
public sealed class PublishEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }
    public DateTime At { get; set; }
    public JobState State { get; set; }
    public string? TikTokStatus { get; set; }
    public long? BytesUploaded { get; set; }
    public string? Message { get; set; }
    public string? ErrorCode { get; set; }
    public string? LogId { get; set; }
}
