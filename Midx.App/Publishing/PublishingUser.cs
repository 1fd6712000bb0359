using System.Security.Claims;

namespace Midx.App.Publishing;

/// <summary>The signed-in user's id: the Guid in the NameIdentifier claim.</summary>
internal static class PublishingUser
{
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
