using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Midx.App.Admin;

/// <summary>
/// Answers a signed-in user who lacks a policy with a bare 403 on endpoints marked <see cref="ForbiddenStatusMetadata"/>
/// (downloads and other non-page endpoints), instead of the cookie handler's redirect to the access-denied page.
/// Visitors who are not signed in are still sent to sign in, and every other endpoint behaves as before.
/// </summary>
public sealed class ForbiddenStatusResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<ForbiddenStatusMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Marks an endpoint whose forbidden answer is a plain 403 (see <see cref="ForbiddenStatusResultHandler"/>).</summary>
public sealed class ForbiddenStatusMetadata;
