namespace Midx.Core.Publishing;

/// <summary>The kind of a job's state, which the pages show as a colour (<see cref="JobStateMachine.Tone"/>).</summary>
public enum JobStateTone
{
    /// <summary>Waiting for its time.</summary>
    Waiting,

    /// <summary>Midx or TikTok is working on it.</summary>
    Working,

    /// <summary>TikTok has it: posted, or a draft in the inbox.</summary>
    Done,

    Failed,

    /// <summary>Cancelled: nothing more happens.</summary>
    Stopped,
}
