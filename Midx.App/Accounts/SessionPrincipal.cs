using System.Security.Claims;
using Midx.Core.Accounts;

namespace Midx.App.Accounts;

/// <summary>
/// The claims a Midx session cookie carries: the Midx user id (never the Google subject), name, email, avatar,
/// the Admin role when it applies, and the user's security stamp so a changed stamp ends the session.
/// </summary>
public static class SessionPrincipal
{
    public const string PictureClaim = "picture";
    public const string SecurityStampClaim = "midx:security_stamp";
    public const string AuthenticationType = "Google";

    public static ClaimsPrincipal Create(User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Email, user.Email),
            new(SecurityStampClaim, user.SecurityStamp),
        };
        if (!string.IsNullOrEmpty(user.AvatarUrl))
        {
            claims.Add(new Claim(PictureClaim, user.AvatarUrl));
        }

        if (user.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminPolicy.Role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in person's Midx user id, or null for visitors.</summary>
    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>
    /// Whether the session this principal carries still stands (the user exists, is not disabled and has the stamp it
    /// was issued with): the one check for request cookies and open circuits alike.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(this SessionStampQuery sessions, ClaimsPrincipal? principal, CancellationToken cancellationToken) =>
        principal?.GetUserId() is { } userId
        && principal.FindFirst(SecurityStampClaim)?.Value is { } stamp
        && await sessions.ExecuteAsync(userId, stamp, cancellationToken);
}
