using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Midx.App.Accounts;
using Midx.Core.Admin;
using Midx.Core.Workspaces;

namespace Midx.App.Workspaces;

public static class WorkspaceEndpoints
{
    /// <summary>
    /// POST (a form with an antiforgery token): signs out and opens sign-in again, coming back to <c>returnUrl</c>; what the
    /// invitation page offers someone signed in with another Google account than the invited one.
    /// </summary>
    public const string SwitchAccountPath = "/invitations/switch-account";

    /// <summary>Where the switcher goes to show <paramref name="workspaceId"/>, then <paramref name="returnUrl"/>.</summary>
    public static string OpenUrl(Guid workspaceId, string returnUrl) =>
        $"/workspaces/{workspaceId}/open?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static WebApplication MapWorkspaceEndpoints(this WebApplication app)
    {
        app.MapGet("/workspaces/{id:guid}/open", OpenAsync).RequireAuthorization().ExcludeFromDescription();
        // [FromForm] makes the framework validate the antiforgery token before the handler runs.
        app.MapPost(SwitchAccountPath, SwitchAccountAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Remembers the chosen workspace and opens <paramref name="returnUrl"/> in it, as a new page so that everything on
    /// it is read for that workspace. A workspace the person does not belong to is not remembered: they land in their own.
    /// </summary>
    private static async Task<IResult> OpenAsync(Guid id, string? returnUrl, HttpContext context, MyWorkspacesQuery query, CancellationToken cancellationToken)
    {
        var mine = await query.ExecuteAsync(context.User.GetUserId()!.Value, cancellationToken);
        var chosen = WorkspaceChoice.Pick(mine, id);
        if (chosen is not null)
        {
            context.Response.Cookies.Append(WorkspaceChoice.CookieName, chosen.Id.ToString(), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        return Results.LocalRedirect(WorkspaceChoice.Link(ReturnUrl.OrHome(WithoutWorkspace(returnUrl)), chosen));
    }

    private static async Task<IResult> SwitchAccountAsync(
        [FromForm] string? returnUrl, HttpContext context, AuditLog audit, CancellationToken cancellationToken)
    {
        if (context.User.GetUserId() is { } userId)
        {
            await audit.WriteAsync(AuditActions.SignedOut, userId, userId, "to accept an invitation with another account", cancellationToken);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return Results.LocalRedirect(SignInLinks.SignIn(ReturnUrl.OrHome(returnUrl)));
    }

    /// <summary>The return address without an earlier <c>?workspace=</c>, which would otherwise win over the new choice.</summary>
    private static string? WithoutWorkspace(string? url)
    {
        if (url is null || !url.Contains('?'))
        {
            return url;
        }

        var at = url.IndexOf('?');
        var query = QueryHelpers.ParseQuery(url[at..]);
        query.Remove(WorkspaceChoice.QueryParameter);
        return QueryHelpers.AddQueryString(url[..at], query);
    }
}
