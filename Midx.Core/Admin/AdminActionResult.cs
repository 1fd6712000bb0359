namespace Midx.Core.Admin;

/// <summary>What became of an admin action, with a sentence the console shows as it is.</summary>
public sealed record AdminActionResult(AdminActionOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is AdminActionOutcome.Done or AdminActionOutcome.Unchanged;

    public static AdminActionResult Done(string message) => new(AdminActionOutcome.Done, message);

    public static AdminActionResult Unchanged(string message) => new(AdminActionOutcome.Unchanged, message);

    public static AdminActionResult NotFound(string message) => new(AdminActionOutcome.NotFound, message);

    public static AdminActionResult Refused(string message) => new(AdminActionOutcome.Refused, message);
}

public enum AdminActionOutcome
{
    Done,
    Unchanged,
    NotFound,
    Refused,
}
