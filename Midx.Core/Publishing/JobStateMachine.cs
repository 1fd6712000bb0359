namespace Midx.Core.Publishing;

/// <summary>
/// The allowed moves of a <see cref="PublishJob"/>:
/// (AwaitingReview ⇄ ChangesRequested →) Scheduled → Queued → Initializing → Uploading → Processing → (SentToInbox) →
/// Published | Failed | Cancelled. A state may "move" to itself where progress is reported inside it (bytes uploaded,
/// TikTok status, a post id that arrives after moderation) or where the post was edited. Nothing leaves Failed or Cancelled.
/// </summary>
public static class JobStateMachine
{
    private static readonly Dictionary<JobState, JobState[]> Allowed = new()
    {
        // Approved (now, or at its time), sent back, or edited while it waits.
        [JobState.AwaitingReview] = [JobState.Queued, JobState.Scheduled, JobState.ChangesRequested, JobState.AwaitingReview, JobState.Cancelled, JobState.Failed],
        // Edited: back to review, or on its way when whoever edited it needs no approval.
        [JobState.ChangesRequested] = [JobState.AwaitingReview, JobState.Queued, JobState.Scheduled, JobState.Cancelled, JobState.Failed],
        // An edit keeps it scheduled, sends it now, or, made by a member who needs approval, asks for approval again.
        [JobState.Scheduled] = [JobState.Queued, JobState.Scheduled, JobState.AwaitingReview, JobState.Cancelled, JobState.Failed],
        [JobState.Queued] = [JobState.Initializing, JobState.Cancelled, JobState.Failed],
        // A URL source has nothing to upload, so init goes straight to Processing. Back to Queued only when TikTok refused
        // the access token, which it does before creating anything (InitJobStep): the job waits for a reconnect.
        [JobState.Initializing] = [JobState.Uploading, JobState.Processing, JobState.Queued, JobState.Failed],
        // Stopping mid-upload is safe: TikTok never creates a post from an incomplete upload.
        [JobState.Uploading] = [JobState.Uploading, JobState.Processing, JobState.Failed, JobState.Cancelled],
        [JobState.Processing] = [JobState.Processing, JobState.SentToInbox, JobState.Published, JobState.Failed],
        // The creator may finish the draft in the TikTok app; Midx then sees PUBLISH_COMPLETE.
        [JobState.SentToInbox] = [JobState.SentToInbox, JobState.Published, JobState.Failed],
        [JobState.Published] = [JobState.Published],
        [JobState.Failed] = [],
        [JobState.Cancelled] = [],
    };

    public static bool CanMove(JobState from, JobState to) => Allowed[from].Contains(to);

    /// <summary>Published, Failed and Cancelled: the job's work is over (a Published job may still learn its post id).</summary>
    public static bool IsTerminal(JobState state) => state is JobState.Published or JobState.Failed or JobState.Cancelled;

    /// <summary>TikTok has the video (or the job is over): the media file is no longer needed for this job.</summary>
    public static bool TikTokHasVideo(JobState state) => state is JobState.Processing or JobState.SentToInbox or JobState.Published;

    /// <summary>
    /// TikTok's upload_url carries its upload token, a credential: once TikTok has every byte or the job is over,
    /// nothing may send to it again, so it is not kept. Uploading keeps it: a worker restarted mid-upload resumes with it.
    /// </summary>
    public static bool UploadUrlSpent(JobState state) => IsTerminal(state) || TikTokHasVideo(state);

    /// <summary>A user may cancel before any TikTok call, or while the bytes are still being sent.</summary>
    public static bool CanUserCancel(JobState state) =>
        state is JobState.AwaitingReview or JobState.ChangesRequested or JobState.Scheduled or JobState.Queued or JobState.Uploading;

    /// <summary>
    /// A member may still edit the post: nothing has been sent to TikTok and no worker is about to start (a Queued job may
    /// be claimed any moment).
    /// </summary>
    public static bool CanUserEdit(JobState state) => state is JobState.AwaitingReview or JobState.ChangesRequested or JobState.Scheduled;

    /// <summary>Waiting for people rather than for its time or for TikTok: a reviewer, or an edit after a send-back.</summary>
    public static bool InReview(JobState state) => state is JobState.AwaitingReview or JobState.ChangesRequested;

    /// <summary>A user may ask for a new attempt of a failed job (a new job; the failed one stays as it was).</summary>
    public static bool CanUserRetry(JobState state) => state is JobState.Failed;

    /// <summary>
    /// What disconnecting its TikTok account does to a job (DisconnectTikTokAccountCommand). <paramref name="followed"/>:
    /// Midx still checks it with TikTok (a next status check is planned). Initializing always has its init under way
    /// (InitJobStep saves both together), so it waits like an upload.
    /// </summary>
    public static DisconnectEffect OnDisconnect(JobState state, bool followed) => state switch
    {
        JobState.AwaitingReview or JobState.ChangesRequested or JobState.Scheduled or JobState.Queued => DisconnectEffect.Cancel,
        JobState.Initializing or JobState.Uploading => DisconnectEffect.Wait,
        JobState.Processing => DisconnectEffect.StopFollowing,
        JobState.SentToInbox or JobState.Published when followed => DisconnectEffect.StopFollowing,
        _ => DisconnectEffect.None,
    };

    /// <summary>How a state reads at a glance: its badge's colour only repeats what <see cref="Label"/> says.</summary>
    public static JobStateTone Tone(JobState state) => state switch
    {
        JobState.AwaitingReview or JobState.ChangesRequested or JobState.Scheduled => JobStateTone.Waiting,
        JobState.Queued or JobState.Initializing or JobState.Uploading or JobState.Processing => JobStateTone.Working,
        JobState.SentToInbox or JobState.Published => JobStateTone.Done,
        JobState.Failed => JobStateTone.Failed,
        _ => JobStateTone.Stopped,
    };

    /// <summary>The short label a badge shows for a state.</summary>
    public static string Label(JobState state) => state switch
    {
        JobState.AwaitingReview => "Awaiting review",
        JobState.ChangesRequested => "Sent back for changes",
        JobState.Scheduled => "Scheduled",
        JobState.Queued => "Waiting to start",
        JobState.Initializing => "Starting",
        JobState.Uploading => "Uploading to TikTok",
        JobState.Processing => "TikTok is processing",
        JobState.SentToInbox => "In your TikTok inbox",
        JobState.Published => "Posted",
        JobState.Failed => "Failed",
        JobState.Cancelled => "Cancelled",
        _ => state.ToString(),
    };
}
