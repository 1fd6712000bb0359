using System.Text;
using Midx.App.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;

namespace Midx.App.Admin;

/// <summary>The console's non-page endpoints: the CSV export of the filtered uploads view.</summary>
public static class AdminEndpoints
{
    public const string ExportPath = "/admin/uploads/export.csv";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportUploadsAsync)
            .RequireAuthorization(AdminPolicy.Name)
            .WithMetadata(new ForbiddenStatusMetadata());
        return endpoints;
    }

    private static async Task ExportUploadsAsync(
        HttpContext context, UploadExportQuery export, AuditLog audit, MidxDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var filter = UploadFilterQueryString.Parse(context.Request.Query);
        var adminId = context.User.GetUserId()!.Value;

        // The export itself is audited before any row leaves, with the filters but no row data.
        audit.Add(AdminAuditActions.ExportedUploads, actorUserId: adminId, subjectUserId: null, detail: UploadFilterQueryString.Describe(filter));
        await db.SaveChangesAsync(cancellationToken);

        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"midx-uploads-{stamp}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(UploadCsv.Header.AsMemory(), cancellationToken);
        await foreach (var row in export.ExecuteAsync(filter, cancellationToken))
        {
            await writer.WriteAsync(UploadCsv.Line(row).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
