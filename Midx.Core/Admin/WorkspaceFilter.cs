namespace Midx.Core.Admin;

/// <summary>
/// The console's view of workspaces: shared ones only unless asked for everyone's personal workspace too, and an
/// optional name search (any case). Always newest first.
/// </summary>
public sealed record WorkspaceFilter
{
    /// <summary>Everyone has a personal workspace, so listing them by default would bury the shared ones.</summary>
    public bool IncludePersonal { get; init; }

    public string? Search { get; init; }
}
