using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>One change to a job, applied by <see cref="ApplyJobChangeCommand"/>.</summary>
/// <param name="State">The state after the change (may equal the current one for progress).</param>
public sealed record JobChange(JobState State)
{
    /// <summary>What happened, in plain words; stored in the history and, for a failure, as the job's error message.</summary>
    public string? Message { get; init; }

    /// <summary>TikTok's own status value, when the change came from TikTok.</summary>
    public string? TikTokStatus { get; init; }

    public long? BytesUploaded { get; init; }

    /// <summary>TikTok's error code or fail_reason, or Midx's own code for a failure it found first.</summary>
    public ErrorCode? ErrorCode { get; init; }

    /// <summary>TikTok's log id for the call that produced this change, for support.</summary>
    public string? LogId { get; init; }

    public string? PublicPostId { get; init; }
}
