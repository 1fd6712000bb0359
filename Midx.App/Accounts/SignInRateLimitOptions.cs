using System.ComponentModel.DataAnnotations;

namespace Midx.App.Accounts;

/// <summary>Settings under <c>Midx:SignIn</c>.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Midx:SignIn";

    /// <summary>
    /// Requests per minute one client address may make to the sign-in endpoints (the challenge and Google's callback;
    /// one sign-in uses two). Enough for people, too few to hammer the callback with guessed codes or states.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Midx:SignIn:PermitsPerMinute must be between 1 and 10000.")]
    public int PermitsPerMinute { get; set; } = 30;
}
