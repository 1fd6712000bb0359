using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Midx.App.Admin;

/// <summary>
/// Answers a signed-in person who lacks a policy (a creator on an admin address) with status 403 where they asked,
/// instead of the cookie handler's redirect: the status-code pages then show the "admins only" message for a page,
/// and a download or form post gets the same status. Visitors who are not signed in are still sent to sign in.
/// </summary>
public sealed class ForbiddenStatusResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
