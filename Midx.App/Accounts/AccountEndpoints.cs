using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Midx.App.Hosting;
using Midx.Core.Admin;

namespace Midx.App.Accounts;

/// <summary>
/// POST /account/signin/google starts the Google challenge; Google answers at <see cref="AccountRegistration.CallbackPath"/>,
/// which the OAuth handler serves. POST /account/signout ends the session. Both are forms with antiforgery tokens.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInWithGooglePath = "/account/signin/google";
    public const string SignOutPath = "/account/signout";

    /// <summary>
    /// Answers 204 to a signed-in person and 401 to anyone else. Asked by js/session.js while someone works on the
    /// circuit, so the cookie handler renews the sliding session as it does on every other request.
    /// </summary>
    public const string SessionPath = "/account/session";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // [FromForm] makes the framework validate the antiforgery token before the handler runs.
        app.MapPost(SignInWithGooglePath, SignInWithGoogleAsync)
            .RequireRateLimiting(AccountRegistration.SignInRateLimitPolicy)
            .ExcludeFromDescription();
        app.MapPost(SignOutPath, SignOutAsync).ExcludeFromDescription();
        app.MapGet(SessionPath, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized();
            })
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInWithGoogleAsync(
        [FromForm] string? returnUrl, IAuthenticationSchemeProvider schemes)
    {
        if (await schemes.GetSchemeAsync(AccountRegistration.GoogleScheme) is null)
        {
            return Results.Redirect(SignInLinks.For(SignInFailureReason.NotConfigured, returnUrl));
        }

        var properties = new AuthenticationProperties { RedirectUri = ReturnUrl.OrHome(returnUrl) };
        return Results.Challenge(properties, [AccountRegistration.GoogleScheme]);
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, AuditLog audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // No form fields are bound here, so the token is checked explicitly: sign-out must not be triggerable cross-site.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return FormExpiredResponse.Result;
        }

        if (context.User.GetUserId() is { } userId)
        {
            await audit.WriteAsync(AuditActions.SignedOut, userId, userId, null, cancellationToken);
            loggers.CreateLogger(typeof(AccountEndpoints)).LogInformation("User {UserId} signed out", userId);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(ReturnUrl.Home);
    }
}
