using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>
/// What the browser (the workspace members' pages, admins' feed) learns when a job changes. Never holds a token or an upload URL.
/// <paramref name="IsHistoryEntry"/>: the change also added a line to the job's history (false for bytes sent and
/// nothing else), so a page showing the timeline adds one too. <paramref name="ReviewComment"/>: what a reviewer asked to
/// change, while the post waits for that edit.
/// </summary>
public sealed record JobUpdate(
    Guid JobId,
    Guid WorkspaceId,
    JobState State,
    string StateLabel,
    bool IsTerminal,
    string? TikTokStatus,
    long BytesUploaded,
    long FileSize,
    string? Message,
    string? ErrorCode,
    string? LogId,
    string? PublicPostId,
    DateTime At,
    bool IsHistoryEntry = true,
    string? ReviewComment = null)
{
    /// <summary>Who <see cref="ErrorCode"/> is from, "TikTok" or "Midx".</summary>
    public string? ErrorSource => ErrorCode is null ? null : ErrorCatalog.Find(ErrorCode).Source.ToString();

    public static JobUpdate From(PublishJob job, string? message, DateTime at, bool isHistoryEntry = true) => new(
        job.Id,
        job.WorkspaceId,
        job.State,
        JobStateMachine.Label(job.State),
        JobStateMachine.IsTerminal(job.State),
        job.TikTokStatus,
        job.BytesUploaded,
        job.FileSize,
        message,
        job.ErrorCode,
        job.ErrorLogId,
        job.PublicPostId,
        at,
        isHistoryEntry,
        job.ReviewComment);
}
