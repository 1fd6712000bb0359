using Microsoft.AspNetCore.Http.Features;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The upload host: <c>PUT /video/?upload_id=…&amp;upload_token=…</c> on its own base path, as TikTok's upload_url
/// lives on a different host (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
/// No Authorization header: the URL is the credential.
/// </summary>
public static class UploadEndpoints
{
    // TikTok's final chunk may be up to 128 MB; leave room for the larger reading of "MB".
    private const long MaxChunkBytes = 128L * ChunkRules.MebiByte + 1;

    public static RouteGroupBuilder MapTikTokUploadEndpoints(this RouteGroupBuilder group)
    {
        group.MapPut("/video/", PutAsync).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.Upload));
        return group;
    }

    private static async Task<IResult> PutAsync(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var upload = sandbox.Publishes.FindUpload(http.Request.Query["upload_id"], http.Request.Query["upload_token"]);
        if (upload is null)
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxChunkBytes;
        }

        var request = new UploadPutRequest(http.Request.ContentType, http.Request.ContentLength, http.Request.Headers.ContentRange);
        UploadPutResult result;
        try
        {
            result = await upload.PutAsync(request, http.Request.Body, sandbox.Now, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            // The client sent fewer bytes than Content-Length, or more than a chunk may hold.
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        if (result.ContentRange is not null)
        {
            http.Response.Headers.ContentRange = result.ContentRange;
        }

        return Results.StatusCode(result.StatusCode);
    }
}
