using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// One upload as the console's upload page shows it: what the user chose, what they agreed to, and every status
/// change. It has no upload URL, media path or token: those are the worker's business, not an admin's.
/// </summary>
public sealed record UploadDetail(
    UploadRow Upload,
    string? AccountDisplayName,
    string? SourceUrl,
    string? MimeType,
    int? DurationMs,
    string Caption,
    bool DisableComment,
    bool DisableDuet,
    bool DisableStitch,
    int? CoverTimestampMs,
    bool BrandContentToggle,
    bool BrandOrganicToggle,
    bool IsAigc,
    long BytesUploaded,
    string? TikTokStatus,
    string? PublicPostId,
    Guid? RetryOfJobId,
    ConsentView? Consent,
    IReadOnlyList<TimelineStep> Timeline)
{
    public bool CanCancel => NotStarted(Upload.State);

    /// <summary>Nothing was sent to TikTok yet and no worker has started: what the console may cancel.</summary>
    public static bool NotStarted(JobState state) => state is JobState.AwaitingReview or JobState.ChangesRequested or JobState.Scheduled or JobState.Queued;
}

public sealed record ConsentView(
    DateTime AgreedAt,
    string CreatorNickname,
    string? CreatorUsername,
    string DeclarationText,
    string ShownJson);

/// <summary>One status change and how long the job stayed in it (null for the stage it is still in).</summary>
public sealed record TimelineStep(
    DateTime At,
    JobState State,
    string? TikTokStatus,
    long? BytesUploaded,
    string? Message,
    string? ErrorCode,
    string? LogId,
    TimeSpan? Duration);
