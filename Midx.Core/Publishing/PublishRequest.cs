using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>What the creator chose on the compose page and sent with the Publish button.</summary>
public sealed record PublishRequest
{
    /// <summary>Who composed it: a member of the workspace, or one of its API keys.</summary>
    public required PostActor Composer { get; init; }

    /// <summary>The workspace it is composed in, which must hold <see cref="TikTokAccountId"/>.</summary>
    public required Guid WorkspaceId { get; init; }

    public required Guid TikTokAccountId { get; init; }

    /// <summary>Generated when the page rendered; the same key twice (a double click) is one job.</summary>
    public required string SubmissionKey { get; init; }

    public PublishMode Mode { get; init; }
    public VideoSource Source { get; init; }
    public Guid? UploadId { get; init; }
    public string? SourceUrl { get; init; }

    public string Caption { get; init; } = "";
    public string? PrivacyLevel { get; init; }
    public bool AllowComment { get; init; }
    public bool AllowDuet { get; init; }
    public bool AllowStitch { get; init; }
    public int? CoverTimestampMs { get; init; }

    public bool DisclosureOn { get; init; }
    public bool YourBrand { get; init; }
    public bool BrandedContent { get; init; }
    public bool IsAigc { get; init; }

    /// <summary>When to post, in UTC; null means now.</summary>
    public DateTime? ScheduledAtUtc { get; init; }

    /// <summary>
    /// The creator pressed Publish under the declaration: TikTok's Content Sharing Guidelines allow sending only after
    /// explicit consent.
    /// </summary>
    public bool ConsentGiven { get; init; }

    /// <summary>
    /// For a post sent through the API: the consent text the integrator's user agreed to, in their words, kept with the
    /// consent record beside Midx's own declaration.
    /// </summary>
    public string? ConsentText { get; init; }
}
