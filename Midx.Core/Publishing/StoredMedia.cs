namespace Midx.Core.Publishing;

/// <summary>A validated video in the media folder, waiting to be sent to TikTok.</summary>
/// <param name="FileName">The name the user's file had, for display only; never used to build a path.</param>
public sealed record StoredMedia(
    Guid Id,
    Guid UserId,
    string Path,
    string FileName,
    long Size,
    string MimeType,
    int DurationMs,
    DateTime UploadedAt);
