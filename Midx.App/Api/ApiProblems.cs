using Midx.Core.Errors;

namespace Midx.App.Api;

/// <summary>
/// The API's errors as RFC 9457 problem details (<c>application/problem+json</c>): the title is what Midx's catalogue
/// tells a person, the detail says what to do, and <c>code</c> is the catalogue's code; where TikTok said something,
/// <c>tikTokCode</c> and <c>logId</c> carry its own words.
/// </summary>
public static class ApiProblems
{
    public static IResult For(ErrorCode code, int status, string? detail = null, string? tikTokCode = null, string? logId = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code.Value };
        if (tikTokCode is not null)
        {
            extensions["tikTokCode"] = tikTokCode;
        }

        if (logId is not null)
        {
            extensions["logId"] = logId;
        }

        return Results.Problem(statusCode: status, title: code.Told, detail: detail ?? code.ToDo, extensions: extensions);
    }

    public static IResult NotFound() => For(ErrorCatalog.ApiNotFound, StatusCodes.Status404NotFound);

    public static IResult InvalidQuery(string detail) => For(ErrorCatalog.ApiInvalidQuery, StatusCodes.Status400BadRequest, detail);
}
