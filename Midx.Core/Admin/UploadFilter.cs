using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>The console's upload filters. Every field is optional; dates are UTC days, both ends included.</summary>
public sealed record UploadFilter
{
    public JobState? State { get; init; }
    public PublishMode? Mode { get; init; }
    public VideoSource? Source { get; init; }

    /// <summary>A linked account's id, or its TikTok username with or without the leading @.</summary>
    public string? Account { get; init; }

    public Guid? UserId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? ErrorCode { get; init; }
}
