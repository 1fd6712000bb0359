using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Runs before every sandbox TikTok endpoint: gives the call a log id (<c>x-tt-logid</c>), records it in the journal,
/// and applies any fault a test armed for it. Also keeps the app's status-code pages away from TikTok's bodies.
/// </summary>
public static class TikTokEndpointFilter
{
    private const int MaxJournalBody = 64 * 1024;

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.GetEndpoint()?.Metadata.GetMetadata<TikTokEndpointName>()?.Name;
        if (name is null)
        {
            return await next(context);
        }

        var sandbox = http.RequestServices.GetRequiredService<TikTokSandbox>();
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        TikTokResponses.SetLogId(http, sandbox.NewLogId());
        await RecordAsync(http, sandbox, name);

        if (sandbox.Faults.Next(name) is not { } fault)
        {
            return await next(context);
        }

        switch (fault.Mode)
        {
            case FaultMode.Delay:
                await Task.Delay(fault.DelayMs, http.RequestAborted);
                return await next(context);
            case FaultMode.Abort:
                http.Abort();
                return Results.Empty;
            default:
                await DrainAsync(http);
                return FaultResult(http, sandbox, name, fault);
        }
    }

    private static IResult FaultResult(HttpContext http, TikTokSandbox sandbox, string name, FaultPlan fault)
    {
        if (name == TikTokEndpointNames.Upload || name == TikTokEndpointNames.Authorize)
        {
            return Results.StatusCode(fault.Status);
        }

        if (TikTokEndpointNames.IsOAuth(name))
        {
            return Results.Json(new { error = fault.ErrorCode, error_description = "Injected fault.", log_id = TikTokResponses.LogId(http) },
                TikTokResponses.Json, statusCode: fault.Status);
        }

        return TikTokResponses.Error(http, fault.Status, fault.ErrorCode, "Injected fault.");
    }

    // Read the body of a faulted call so the client sees the status instead of a reset connection mid-send.
    private static async Task DrainAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
    }

    private static async Task RecordAsync(HttpContext http, TikTokSandbox sandbox, string name)
    {
        var request = http.Request;
        Dictionary<string, string>? form = null;
        string? body = null;
        if (name != TikTokEndpointNames.Upload && request.HasFormContentType)
        {
            var fields = await request.ReadFormAsync(http.RequestAborted);

            // The consent page's antiforgery token is the sandbox's own, not something Midx sent: it is left out.
            var antiforgeryField = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
            form = fields.Where(f => f.Key != antiforgeryField)
                .ToDictionary(f => f.Key, f => RequestJournal.RedactField(f.Key, f.Value.ToString()), StringComparer.Ordinal);
        }
        else if (name != TikTokEndpointNames.Upload && request.ContentLength is > 0 and <= MaxJournalBody)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(http.RequestAborted);
            request.Body.Position = 0;
        }

        sandbox.Journal.Add(new JournalEntry(0, sandbox.Now, name, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            RequestJournal.Headers(request.Headers), form, body, request.ContentLength, TikTokResponses.LogId(http)));
    }
}
