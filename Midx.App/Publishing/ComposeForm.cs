namespace Midx.App.Publishing;

/// <summary>
/// The compose form as posted. Everything a person types arrives as text and is parsed by the page, so a bad value
/// becomes a plain message next to its field instead of a binding failure, and nothing typed is lost.
/// </summary>
public sealed class ComposeForm
{
    public string? AccountId { get; set; }
    public string? SubmissionKey { get; set; }
    public string? Mode { get; set; }
    public string? Source { get; set; }
    public string? UploadId { get; set; }
    public string? SourceUrl { get; set; }
    public string? Caption { get; set; }
    public string? PrivacyLevel { get; set; }
    public bool AllowComment { get; set; }
    public bool AllowDuet { get; set; }
    public bool AllowStitch { get; set; }
    public string? CoverTimestampMs { get; set; }
    public bool DisclosureOn { get; set; }
    public bool YourBrand { get; set; }
    public bool BrandedContent { get; set; }
    public bool IsAigc { get; set; }

    /// <summary>"now" or "later".</summary>
    public string? When { get; set; }

    /// <summary>The <c>datetime-local</c> value, in the browser's time zone (or UTC without JavaScript).</summary>
    public string? ScheduleLocal { get; set; }

    /// <summary>Minutes to add to the local time to get UTC (JavaScript's getTimezoneOffset for that date).</summary>
    public string? TimeZoneOffsetMinutes { get; set; }

    /// <summary>
    /// Sent only by the Publish button itself: TikTok lets an app send content only after the creator's explicit
    /// consent (https://developers.tiktok.com/doc/content-sharing-guidelines).
    /// </summary>
    public bool ConsentGiven { get; set; }
}
