using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Midx.Core.Admin;
using Midx.Core.Publishing;

namespace Midx.App.Admin;

/// <summary>
/// The uploads view's filters as query-string parameters, so the page, its paging links and the CSV export all read
/// and write the same URL. Values that do not parse are ignored rather than failing the page.
/// </summary>
public static class UploadFilterQueryString
{
    public static UploadFilter Parse(IQueryCollection query) => new()
    {
        State = Enum.TryParse<JobState>(query["state"], ignoreCase: true, out var state) ? state : null,
        Mode = Enum.TryParse<PublishMode>(query["mode"], ignoreCase: true, out var mode) ? mode : null,
        Source = Enum.TryParse<VideoSource>(query["source"], ignoreCase: true, out var source) ? source : null,
        Account = Text(query["account"]),
        UserId = Guid.TryParse(query["user"], out var user) ? user : null,
        From = Day(query["from"]),
        To = Day(query["to"]),
        ErrorCode = Text(query["error"]),
    };

    public static string ToQueryString(UploadFilter filter, string? after = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["state"] = filter.State?.ToString(),
            ["mode"] = filter.Mode?.ToString(),
            ["source"] = filter.Source?.ToString(),
            ["account"] = filter.Account,
            ["user"] = filter.UserId?.ToString(),
            ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["error"] = filter.ErrorCode,
            ["after"] = after,
        };
        return QueryHelpers.AddQueryString("", pairs.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The filters in words, for the audit line of an export.</summary>
    public static string Describe(UploadFilter filter)
    {
        var query = ToQueryString(filter);
        return query.Length == 0 ? "all uploads" : "filters " + query.TrimStart('?');
    }

    private static string? Text(StringValues value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();

    private static DateOnly? Day(StringValues value) =>
        DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
