using System.ComponentModel.DataAnnotations;

namespace Midx.Core.Privacy;

/// <summary>Settings under <c>Midx:Retention</c>: how long Midx keeps what it must not keep forever.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Midx:Retention";

    /// <summary>Audit events and technical records older than this are deleted (product promise 4: at most 90).</summary>
    [Range(1, 90)]
    public int AuditDays { get; set; } = 90;

    /// <summary>A video file still on disk after this many hours is deleted, whatever its job's state.</summary>
    [Range(1, 24 * 30)]
    public int MediaHours { get; set; } = 48;

    /// <summary>
    /// A partial upload file not written for this many minutes is abandoned (its upload died with a crashed or killed
    /// process) and deleted. A live upload writes every read, and its idle timeout ends one whose client went silent, so
    /// this must be longer than <see cref="Publishing.PublishingOptions.UploadIdleTimeout"/>; file times, unlike a list
    /// of uploads in memory, hold across restarts and across instances sharing the media folder.
    /// </summary>
    [Range(1, 60)]
    public int AbandonedUploadMinutes { get; set; } = 5;
}
