namespace Midx.Core.Publishing;

/// <summary>What disconnecting its TikTok account does to a job (<see cref="JobStateMachine.OnDisconnect"/>).</summary>
public enum DisconnectEffect
{
    /// <summary>Nothing: the post is over (posted, failed or cancelled) and Midx no longer checks it.</summary>
    None,

    /// <summary>Not sent to TikTok yet (scheduled, waiting, held): cancelled, and its video file deleted.</summary>
    Cancel,

    /// <summary>
    /// TikTok is being asked to start it or is receiving its bytes: the account stays until the video is at TikTok or the
    /// user cancels the upload, because Midx cannot finish (or cleanly stop) it without the token.
    /// </summary>
    Wait,

    /// <summary>TikTok has the video and Midx only waits for its final word: Midx stops following it, and says so.</summary>
    StopFollowing,
}
