using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;
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

    /// <summary>
    /// Pages send a signed-out visitor to the sign-in page. A SignalR client cannot follow that redirect (it would read
    /// the sign-in page as a negotiate answer), so a hub request gets a bare 401 instead, whatever headers the client sends.
    /// </summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is null)
        {
            return base.RedirectToLogin(context);
        }

        // No "not found" page re-executed into the body: the status is the whole answer.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
