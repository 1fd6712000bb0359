using System.ComponentModel.DataAnnotations;

namespace Midx.App.Accounts;

/// <summary>Settings under <c>Midx:SignIn</c>.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Midx:SignIn";

    /// <summary>
    /// Sign-ins one client address may start per minute (Google's callback is not counted). Enough for a household or
    /// an office behind one address, too few to use Midx to flood Google with authorization requests.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Midx:SignIn:PermitsPerMinute must be between 1 and 10000.")]
    public int PermitsPerMinute { get; set; } = 30;
}
