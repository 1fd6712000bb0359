using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Midx.App.Accounts;
using Midx.App.Components.Shared;
using Midx.Core.Privacy;

namespace Midx.App.Privacy;

public static class PrivacyEndpoints
{
    public const string ExportPath = "/settings/export";
    public const string DeletePath = "/settings/delete";

    public static readonly FlashNotice EmailMismatch =
        new("EmailMismatch", "That is not the email address of this account. Nothing was deleted.", Good: false);

    public static FlashNotice PassOwnershipFirst(IReadOnlyList<string> workspaces) => new("PassOwnershipFirst",
        $"You are the only Owner of {string.Join(", ", workspaces)}, which others belong to. Make another member an Owner there "
        + "(or remove the others), then delete your account. Nothing was deleted.", Good: false);

    public static WebApplication MapPrivacyEndpoints(this WebApplication app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization().ExcludeFromDescription();

        // [FromForm] makes the framework validate the antiforgery token before the handler runs.
        app.MapPost(DeletePath, DeleteAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DeleteAsync(
        [FromForm] string? email, HttpContext context, DeleteAccountCommand delete, CancellationToken cancellationToken)
    {
        if (context.User.GetUserId() is not { } userId)
        {
            return Results.Unauthorized();
        }

        var result = await delete.ExecuteAsync(userId, email ?? "", cancellationToken);
        if (result.Outcome is DeleteAccountOutcome.EmailMismatch or DeleteAccountOutcome.PassOwnershipFirst)
        {
            context.RequestServices.GetRequiredService<FlashNotices>().Set(context,
                result.Outcome == DeleteAccountOutcome.EmailMismatch ? EmailMismatch : PassOwnershipFirst(result.OwnedWorkspaces!));
            return Results.Redirect(SettingsPage.Path);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(AccountDeletedPage.Url);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, ExportUserDataQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.User.GetUserId() is not { } userId || await query.ExecuteAsync(userId, cancellationToken) is not { } export)
        {
            return Results.NotFound();
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, ExportUserDataQuery.JsonOptions);
        var fileName = $"midx-my-data-{time.GetUtcNow():yyyy-MM-dd}.json";
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(bytes, "application/json", fileName);
    }
}
