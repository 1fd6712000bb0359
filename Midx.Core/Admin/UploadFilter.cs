using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// The console's view of uploads: its filters and its order. Every filter is optional; dates are UTC days, both ends
/// included.
/// </summary>
public sealed record UploadFilter
{
    public JobState? State { get; init; }
    public PublishMode? Mode { get; init; }
    public VideoSource? Source { get; init; }

    /// <summary>A linked account's id, or its TikTok username with or without the leading @.</summary>
    public string? Account { get; init; }

    public Guid? UserId { get; init; }
    public Guid? WorkspaceId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? ErrorCode { get; init; }

    /// <summary>By creation time, newest first unless asked otherwise; the list, its pages and the export share it.</summary>
    public UploadOrder Order { get; init; }
}

/// <summary>The two orders the (CreatedAt, Id) index walks; no other column has an index under every filter.</summary>
public enum UploadOrder
{
    NewestFirst,
    OldestFirst,
}
