using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Midx.Core.Errors;

namespace Midx.App.Api;

/// <summary>How every API endpoint reads a JSON body.</summary>
public static class ApiRequests
{
    /// <summary>Room for the longest caption and consent text in JSON, and no more: the API's bodies are small.</summary>
    public const long MaxJsonBodyBytes = 64 * 1024;

    /// <summary>
    /// The body as <typeparamref name="T"/>, read here rather than bound by the framework so that malformed JSON, a body
    /// past <see cref="MaxJsonBodyBytes"/> or none at all is a problem in Midx's words, never an empty 400.
    /// </summary>
    public static async Task<(T? Body, IResult? Refusal)> ReadJsonAsync<T>(HttpContext context, bool required, CancellationToken cancellationToken) where T : class
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = MaxJsonBodyBytes;
        }

        var request = context.Request;
        if (request.ContentLength > MaxJsonBodyBytes)
        {
            return (null, ApiProblems.For(ErrorCatalog.ApiInvalidBody, StatusCodes.Status413PayloadTooLarge, $"The body may be at most {MaxJsonBodyBytes / 1024} KB."));
        }

        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return required ? (null, ApiProblems.InvalidBody("The request has no body; send the JSON the API reference shows.")) : (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.For(ErrorCatalog.ApiInvalidBody, StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json."));
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken);
            return body is null && required ? (null, ApiProblems.InvalidBody("The body is null; send the JSON object the API reference shows.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.InvalidBody($"The JSON could not be read{(e.Path is { Length: > 1 } path ? $" at {path}" : "")}: check it against the API reference."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.For(ErrorCatalog.ApiInvalidBody, StatusCodes.Status413PayloadTooLarge, $"The body may be at most {MaxJsonBodyBytes / 1024} KB."));
        }
    }
}
