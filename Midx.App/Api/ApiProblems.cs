using Midx.App.Publishing;
using Midx.Core.Errors;
using Midx.Core.Publishing;

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

    /// <summary>A refusal of a publishing command, with the status that says what kind it is.</summary>
    public static IResult For(PublishingError error, int? status = null) => For(error.Code, status ?? StatusOf(error.Code), error.Message);

    /// <summary>TikTok's creator_info could not be had: a reconnect is the workspace's to do (409); anything else is TikTok's (502).</summary>
    public static IResult ForCreatorLookup(CreatorLookup lookup)
    {
        var code = lookup.Problem == CreatorLookupProblem.NeedsReconnect ? ErrorCatalog.AccountNeedsReconnect
            : lookup.TikTokCode is { } said ? ErrorCatalog.Find(said) : ErrorCatalog.UnexpectedResponse;
        var status = lookup.Problem == CreatorLookupProblem.NeedsReconnect ? StatusCodes.Status409Conflict : StatusCodes.Status502BadGateway;
        return For(code, status, lookup.Message, lookup.TikTokCode, lookup.LogId);
    }

    public static IResult NotFound() => For(ErrorCatalog.ApiNotFound, StatusCodes.Status404NotFound);

    public static IResult InvalidBody(string detail) => For(ErrorCatalog.ApiInvalidBody, StatusCodes.Status400BadRequest, detail);

    /// <summary>Not found (404), not possible in the post's or account's state (409), or a choice the rules refuse (422).</summary>
    private static int StatusOf(ErrorCode code) =>
        code == ErrorCatalog.JobNotFound || code == ErrorCatalog.AccountNotFound ? StatusCodes.Status404NotFound
        : code == ErrorCatalog.NotCancellable || code == ErrorCatalog.NotRetryable || code == ErrorCatalog.AccountNeedsReconnect
            || code == ErrorCatalog.AccountDisconnected || code == ErrorCatalog.DirectPostOff ? StatusCodes.Status409Conflict
        : StatusCodes.Status422UnprocessableEntity;

    public static IResult InvalidQuery(string detail) => For(ErrorCatalog.ApiInvalidQuery, StatusCodes.Status400BadRequest, detail);
}
