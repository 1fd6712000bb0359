namespace Midx.Core.Admin;

/// <summary>
/// Why an admin acted, as they typed it in the action's dialog; it is kept in the audit event's detail, so an action
/// without one is refused.
/// </summary>
public static class AdminActionReason
{
    public const int MaxLength = 200;

    public const string Missing = "Nothing was changed: say why, for the audit log.";

    /// <summary>The reason trimmed and within <see cref="MaxLength"/>, or null when there is none.</summary>
    public static string? Clean(string? reason)
    {
        var text = reason?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
