using System.ComponentModel.DataAnnotations;

namespace Midx.Core.Publishing;

/// <summary>Settings under <c>Midx:Publishing</c>: limits on uploads and how jobs are worked.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Midx:Publishing";

    /// <summary>Uploads one user may start per hour (a fixed window); more get HTTP 429 with a plain message.</summary>
    [Range(1, 1000)]
    public int UploadsPerHour { get; set; } = 30;

    /// <summary>Uploads one user may have in flight at the same time.</summary>
    [Range(1, 20)]
    public int MaxConcurrentUploadsPerUser { get; set; } = 2;

    /// <summary>
    /// How long an upload may go without a single byte arriving before it is answered with 408 and its partial file
    /// deleted. Each read waits this long at most, so a slow but steady connection is never cut off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Midx:Publishing:UploadIdleTimeout must be between 100 ms and 10 minutes.")]
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a preview link to an uploaded video works.</summary>
    [Range(1, 240)]
    public int PreviewLinkMinutes { get; set; } = 30;

    /// <summary>
    /// URL prefixes verified in the TikTok developer portal for PULL_FROM_URL
    /// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), e.g.
    /// <c>https://media.example.com/videos/</c>. Empty means posting from a URL is off.
    /// </summary>
    public string[] PullFromUrlPrefixes { get; set; } = [];

    /// <summary>Whether this instance runs the publish worker. Off for an instance that only serves pages.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for due jobs (a new submission also wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ErrorMessage = "Midx:Publishing:WorkerPollInterval must be between 10 ms and 5 minutes.")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Jobs one instance works on at the same time.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 4;

    /// <summary>
    /// How long a claimed job belongs to one worker without a sign of life. Renewed every third of it while the job runs
    /// (<see cref="JobLeaseKeeper"/>), so it can be short: a job whose worker died is picked up again once it runs out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00", ErrorMessage = "Midx:Publishing:LeaseDuration must be between 3 seconds and 10 minutes.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker writes its heartbeat row (admin console).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Midx:Publishing:HeartbeatInterval must be between 1 second and 10 minutes.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before a job is tried again after a problem that may pass (TikTok unreachable, a token refresh postponed).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Midx:Publishing:RetryDelay must be between 10 ms and 1 hour.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Inits per account per minute Midx allows itself (TikTok's limit is 6 per token,
    /// https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
    /// </summary>
    [Range(1, 6)]
    public int InitsPerMinute { get; set; } = 6;

    /// <summary>
    /// Status checks per account per minute (TikTok's limit is 30 per token,
    /// https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
    /// </summary>
    [Range(1, 30)]
    public int StatusPollsPerMinute { get; set; } = 30;

    /// <summary>
    /// First status check after TikTok has the video, and the shortest wait between checks: small videos are done in
    /// seconds, so checks start soon and then space out (<see cref="StatusPollSchedule"/>) to stay inside 30 a minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Midx:Publishing:FirstStatusPollDelay must be between 10 ms and 1 minute.")]
    public TimeSpan FirstStatusPollDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait between status checks while TikTok is processing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Midx:Publishing:MaxStatusPollInterval must be between 10 ms and 10 minutes.")]
    public TimeSpan MaxStatusPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After this long in processing, the job says so plainly and is checked only every <see cref="SlowPollInterval"/>:
    /// TikTok guarantees no processing time, and a post can stay processing for hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Midx:Publishing:ProcessingWarningAfter must be between 10 ms and 1 day.")]
    public TimeSpan ProcessingWarningAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Status checks of a long-processing job and of an inbox draft waiting for the creator.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Midx:Publishing:SlowPollInterval must be between 10 ms and 1 day.")]
    public TimeSpan SlowPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Midx keeps checking whether the creator posted an inbox draft.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Midx:Publishing:InboxWatchDuration must be between 1 second and 30 days.")]
    public TimeSpan InboxWatchDuration { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Extra attempts of a chunk the upload host answered with 5xx or never answered: TikTok says to send such a chunk
    /// again (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
    /// </summary>
    [Range(0, 10)]
    public int ChunkRetries { get; set; } = 3;

    /// <summary>First wait before a chunk is sent again; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Midx:Publishing:ChunkRetryBaseDelay must be at most 1 minute.")]
    public TimeSpan ChunkRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
