using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Midx.Core.Accounts;

namespace Midx.App.Accounts;

/// <summary>
/// Checks every session cookie against the database, so a session ends at once when its user is deleted or
/// disabled or their security stamp changes (role change, "sign out everywhere"). One primary-key lookup per
/// authenticated request; no cache, so there is no window in which a removed user still gets in.
/// </summary>
public sealed class SessionCookieEvents(SessionStampQuery sessions, ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            return;
        }

        logger.LogInformation("Session for user {UserId} is no longer valid; signing it out", context.Principal?.GetUserId());
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
