using System.ComponentModel.DataAnnotations;

namespace Midx.App.Accounts;

/// <summary>Settings under <c>Midx:Session</c>.</summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Midx:Session";

    /// <summary>How long a session lasts without a visit; every visit past the halfway point renews it.</summary>
    [Range(1, 90, ErrorMessage = "Midx:Session:Days must be between 1 and 90.")]
    public int Days { get; set; } = 14;
}
