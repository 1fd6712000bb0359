namespace Midx.Core.Publishing;

/// <summary>
/// One request to send a video to TikTok, and the durable queue entry that carries it there.
/// Nothing about a job lives only in memory: a restarted worker continues from this row.
/// </summary>
public sealed class PublishJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Who composed the post; null once they left Midx and the post stayed with its shared workspace.</summary>
    public Guid? UserId { get; set; }

    /// <summary>The API key that composed the post, when it came through the API (then <see cref="UserId"/> is null).</summary>
    public Guid? ApiKeyId { get; set; }

    /// <summary>The workspace the post belongs to, with the account it goes to.</summary>
    public Guid WorkspaceId { get; set; }

    /// <summary>
    /// The TikTok account the post goes (or went) to; null once that account was disconnected. The post stays in the
    /// user's history, and its consent record still names the creator it was sent as.
    /// </summary>
    public Guid? TikTokAccountId { get; set; }

    public PublishMode Mode { get; set; }
    public VideoSource Source { get; set; }
    public string? FileName { get; set; }
    public long FileSize { get; set; }
    public string? MimeType { get; set; }
    public string? MediaPath { get; set; }
    public string? SourceUrl { get; set; }
    public int? DurationMs { get; set; }

    public string Caption { get; set; } = "";
    public string? PrivacyLevel { get; set; }
    public bool DisableComment { get; set; }
    public bool DisableDuet { get; set; }
    public bool DisableStitch { get; set; }
    public int? CoverTimestampMs { get; set; }
    public bool BrandContentToggle { get; set; }
    public bool BrandOrganicToggle { get; set; }
    public bool IsAigc { get; set; }

    public DateTime? ScheduledAt { get; set; }
    public JobState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// Set just before the one and only init call; a job with this set and no publish id is never re-initialized.
    /// Cleared only when TikTok refused the access token, which creates nothing at TikTok (see InitJobStep).
    /// </summary>
    public DateTime? InitStartedAt { get; set; }
    public string? PublishId { get; set; }
    public string? UploadUrl { get; set; }
    public long BytesUploaded { get; set; }
    public string? TikTokStatus { get; set; }
    public string? PublicPostId { get; set; }
    public DateTime? NextPollAt { get; set; }

    /// <summary>What the reviewer asked to change when they sent the post back; cleared once it is edited.</summary>
    public string? ReviewComment { get; set; }

    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorLogId { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The job this one retries, when the user asked for a new attempt.</summary>
    public Guid? RetryOfJobId { get; set; }

    /// <summary>Client-generated key of the compose form submission; a double click produces one job.</summary>
    public required string SubmissionKey { get; set; }

    /// <summary>
    /// Clears what only the worker may hold before a page keeps this no-tracking copy: TikTok's upload URL carries
    /// TikTok's upload token, and the media file's path is the server's business. A page's prerendered state travels
    /// through the browser, so the history and post pages read jobs through this.
    /// </summary>
    public PublishJob WithoutWorkerSecrets()
    {
        UploadUrl = null;
        MediaPath = null;
        return this;
    }

    /// <summary>Brings a page's copy of this job up to date with a live update of it.</summary>
    public void Apply(JobUpdate update)
    {
        State = update.State;
        TikTokStatus = update.TikTokStatus;
        BytesUploaded = update.BytesUploaded;
        ErrorCode = update.ErrorCode;
        ErrorLogId = update.LogId;
        ErrorMessage = update.ErrorCode is null ? null : update.Message ?? ErrorMessage;
        PublicPostId = update.PublicPostId ?? PublicPostId;
        ReviewComment = update.ReviewComment;
        UpdatedAt = update.At;
    }
}
