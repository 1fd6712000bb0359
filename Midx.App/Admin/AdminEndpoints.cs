using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Midx.App.Accounts;
using Midx.App.Privacy;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Privacy;

namespace Midx.App.Admin;

/// <summary>The console's non-page endpoints: the CSV exports of the filtered uploads, users, audit and token views, and key revocation.</summary>
public static class AdminEndpoints
{
    public const string UploadsExportPath = "/admin/uploads/export.csv";
    public const string UsersExportPath = "/admin/users/export.csv";
    public const string RevokeKeysPath = "/admin/security/revoke-keys";
    public const string AuditExportPath = "/admin/audit/export.csv";
    public const string TokensExportPath = "/admin/tokens/export.csv";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(UploadsExportPath, ExportUploadsAsync)
            .RequireAuthorization(AdminPolicy.Name);

        endpoints.MapGet(UsersExportPath, ExportUsersAsync)
            .RequireAuthorization(AdminPolicy.Name);
        endpoints.MapGet(AuditExportPath, ExportAuditAsync)
            .RequireAuthorization(AdminPolicy.Name);
        endpoints.MapGet(TokensExportPath, ExportTokensAsync)
            .RequireAuthorization(AdminPolicy.Name);

        // [FromForm] makes the framework validate the antiforgery token before the handler runs.
        endpoints.MapPost(RevokeKeysPath, RevokeKeysAsync)
            .RequireAuthorization(AdminPolicy.Name);
        return endpoints;
    }

    private static async Task<IResult> RevokeKeysAsync(
        [FromForm] string? reason, [FromForm] string? confirm, HttpContext context, RevokeAllKeysCommand revoke, CancellationToken cancellationToken)
    {
        if (confirm != RevokeKeysDialog.ConfirmWord || AdminActionReason.Clean(reason) is not { } why)
        {
            AdminNotice.Set(context, AdminActionResult.Refused($"Nothing was revoked: give a reason and type {RevokeKeysDialog.ConfirmWord} to confirm."));
            return Results.Redirect("/admin/security");
        }

        await revoke.ExecuteAsync(context.User.GetUserId(), why, cancellationToken);

        // The session cookie was protected by a revoked key; clear it so the browser starts clean.
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(KeysRevokedPage.Url);
    }

    private static async Task ExportUploadsAsync(
        HttpContext context, UploadExportQuery export, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = UploadFilterQueryString.Parse(context.Request.Query);
        await audit.WriteAsync(AdminAuditActions.ExportedUploads, context.User.GetUserId(), null, UploadFilterQueryString.Describe(filter), cancellationToken);
        await WriteCsvAsync(context, "uploads", UploadCsv.Header, export.ExecuteAsync(filter, cancellationToken).Select(UploadCsv.Line), time, cancellationToken);
    }

    private static async Task ExportUsersAsync(
        [FromQuery] string? q, [FromQuery] string? sort, HttpContext context, UserExportQuery export, AuditLog audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var order = UserSort.Parse(sort);
        await audit.WriteAsync(AdminAuditActions.ExportedUsers, context.User.GetUserId(), null, UserExportQuery.Describe(q, order), cancellationToken);
        await WriteCsvAsync(context, "users", UserCsv.Header, export.ExecuteAsync(q, order, cancellationToken).Select(UserCsv.Line), time, cancellationToken);
    }

    private static async Task ExportAuditAsync(
        HttpContext context, AuditExportQuery export, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = AuditFilterQueryString.Parse(context.Request.Query);
        await audit.WriteAsync(AdminAuditActions.ExportedAudit, context.User.GetUserId(), null, AuditFilterQueryString.Describe(filter), cancellationToken);
        await WriteCsvAsync(context, "audit", AuditCsv.Header, export.ExecuteAsync(filter, cancellationToken).Select(AuditCsv.Line), time, cancellationToken);
    }

    private static async Task ExportTokensAsync(
        HttpContext context, TokenExportQuery export, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var issue = TokenIssues.Parse(context.Request.Query["problem"]);
        var detail = issue is { } i ? "problem=" + TokenIssues.QueryValue(i) : "every account that needs attention";
        await audit.WriteAsync(AdminAuditActions.ExportedTokens, context.User.GetUserId(), null, detail, cancellationToken);
        await WriteCsvAsync(context, "tokens", TokenCsv.Header, export.ExecuteAsync(issue, cancellationToken).Select(TokenCsv.Line), time, cancellationToken);
    }

    /// <summary>
    /// Streams one export as a CSV download named after what it holds and when (UTC). Every export is audited by its
    /// endpoint before the first row leaves, with the filters but no row data.
    /// </summary>
    private static async Task WriteCsvAsync(
        HttpContext context, string name, string header, IAsyncEnumerable<string> lines, TimeProvider time, CancellationToken cancellationToken)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"midx-{name}-{stamp}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(header.AsMemory(), cancellationToken);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
