using Midx.Core.Publishing;

namespace Midx.Core.Admin;

/// <summary>
/// One upload as the console lists and exports it. Deliberately without the upload URL or any token.
/// <see cref="AccountId"/> is null once the account was disconnected; <see cref="AccountUsername"/> then comes from the
/// post's consent record.
/// </summary>
public sealed record UploadRow(
    Guid Id,
    DateTime CreatedAt,
    /// <summary>Who composed the post; null once they deleted their Midx account (the post stays with its shared workspace).</summary>
    Guid? UserId,
    string? UserEmail,
    Guid? AccountId,
    string? AccountUsername,
    PublishMode Mode,
    VideoSource Source,
    JobState State,
    string? FileName,
    long FileSize,
    string? PrivacyLevel,
    DateTime? ScheduledAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    string? PublishId,
    string? ErrorCode,
    string? ErrorMessage,
    string? ErrorLogId)
{
    public bool AccountDisconnected => AccountId is null;
}

/// <summary>One page of uploads and the cursor of the next page (null on the last page).</summary>
public sealed record UploadListResult(IReadOnlyList<UploadRow> Rows, KeysetCursor? Next);
