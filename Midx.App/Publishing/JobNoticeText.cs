using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>The sentence a <see cref="JobNotice"/> stands for, for the job and history pages.</summary>
public static class JobNoticeText
{
    /// <param name="accountName">How the job's TikTok account is named ("@name"), when the page knows it.</param>
    public static string? For(JobNotice notice, PublishJob? job, string? accountName = null) => notice switch
    {
        // A notice about a review step says what happens next only while that is still next; once the post moved on (sent
        // back, approved, posted), the page's status says where it is and the notice goes.
        JobNotice.Submitted or JobNotice.Edited when job?.State == JobState.AwaitingReview =>
            "Sent for review. A Publisher or an Owner of this workspace approves it before Midx sends it to TikTok; this page shows what they decide.",
        JobNotice.Submitted or JobNotice.Edited when job?.State == JobState.ChangesRequested => null,
        JobNotice.Edited when job?.State == JobState.Scheduled => "Saved. Midx sends it to TikTok at the time it now shows; you can still edit or cancel it until then.",
        JobNotice.Edited when job is not null && InProgress(job.State) => "Saved, and on its way: this page shows each step as TikTok takes the video.",
        JobNotice.Approved when job?.State == JobState.Scheduled => "Approved. Midx sends it to TikTok at its time.",
        JobNotice.Approved when job is not null && InProgress(job.State) => "Approved. Midx is sending it to TikTok; this page shows each step.",
        JobNotice.SentBack when job?.State == JobState.ChangesRequested => "Sent back. Whoever composed it sees your comment on this page and in their history.",
        JobNotice.Submitted when job?.State == JobState.Scheduled =>
            "Scheduled. Midx sends it to TikTok at the time you chose; you can cancel it until then.",
        JobNotice.Submitted => "Sent to Midx's queue. This page shows each step as TikTok takes the video; you can leave it open or come back later.",
        JobNotice.Cancelled => "Cancelled. Nothing was posted on TikTok.",
        JobNotice.Retried => "A new attempt is on its way. The failed post stays in your history as it was.",
        JobNotice.NotCancellable => job is null
            ? "That post can no longer be cancelled."
            : $"This post can no longer be cancelled: it is {JobStateMachine.Label(job.State).ToLowerInvariant()}.",
        JobNotice.NotRetryable => "Only a failed post can be retried.",
        JobNotice.VideoMissing => "The video file of this post is no longer kept on Midx, so it cannot be retried. Compose the post again with the file.",
        JobNotice.AccountNeedsReconnect => "TikTok no longer accepts Midx's access to this account. Reconnect it on the Accounts page, then retry.",
        JobNotice.AccountNotFound => "The TikTok account of this post is no longer linked. Link it and compose the post again.",
        JobNotice.AccountDisconnected => accountName is null
            ? "This post can't be retried: its TikTok account was disconnected from Midx. Link the account again, then compose the post again."
            : $"This post can't be retried: {accountName} was disconnected from Midx. Link {accountName} again, then compose the post again.",
        JobNotice.FormExpired => "The page was open too long for that button to work safely. It has been reloaded: press the button again.",
        _ => null,
    };

    private static bool InProgress(JobState state) => state is JobState.Queued or JobState.Initializing or JobState.Uploading or JobState.Processing;
}
