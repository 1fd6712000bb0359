namespace Midx.Core.Publishing;

/// <summary>What a pipeline step leaves the job to: the next step now, a later attempt, nothing more, or a hold.</summary>
public sealed record StepResult(StepKind Kind, DateTime? At = null)
{
    /// <summary>Go straight on with the job's next step.</summary>
    public static StepResult Continue { get; } = new(StepKind.Continue);

    /// <summary>Nothing more to do: the job ended, or someone else moved it.</summary>
    public static StepResult Done { get; } = new(StepKind.Done);

    /// <summary>The job waits for something outside Midx's hands (a reconnect); the claim leaves it alone until then.</summary>
    public static StepResult Hold { get; } = new(StepKind.Hold);

    /// <summary>No further checks are scheduled (an inbox draft no longer watched).</summary>
    public static StepResult Stop { get; } = new(StepKind.Stop);

    /// <summary>Try again at <paramref name="at"/> (saved as the job's next poll time).</summary>
    public static StepResult WaitUntil(DateTime at) => new(StepKind.Wait, at);
}

public enum StepKind
{
    Continue,
    Wait,
    Done,
    Hold,
    Stop,
}
