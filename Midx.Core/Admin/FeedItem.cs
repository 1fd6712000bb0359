using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>One status change in the overview's live feed.</summary>
public sealed record FeedItem(
    Guid JobId,
    DateTime At,
    JobState State,
    string? UserEmail,
    string? AccountUsername,
    string? FileName,
    string? Message,
    string? ErrorCode);
