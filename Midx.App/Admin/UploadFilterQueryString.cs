using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Midx.Core.Admin;
using Midx.Core.Publishing;

namespace Midx.App.Admin;

/// <summary>
/// The uploads view's filters and order as query-string parameters, so the page, its paging links and the CSV export
/// all read and write the same URL. Values that do not parse are ignored rather than failing the page.
/// </summary>
public static class UploadFilterQueryString
{
    /// <summary>The value of <c>order</c> that lists the oldest uploads first; without it the newest come first.</summary>
    public const string OldestFirst = "oldest";

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The filters of a page address such as <see cref="NavigationManager.Uri"/>.</summary>
    public static UploadFilter Parse(string uri) =>
        Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query)));

    public static UploadFilter Parse(IQueryCollection query) => new()
    {
        State = Enum.TryParse<JobState>(query["state"], ignoreCase: true, out var state) ? state : null,
        Mode = Enum.TryParse<PublishMode>(query["mode"], ignoreCase: true, out var mode) ? mode : null,
        Source = Enum.TryParse<VideoSource>(query["source"], ignoreCase: true, out var source) ? source : null,
        Account = Text(query["account"]),
        UserId = Guid.TryParse(query["user"], out var user) ? user : null,
        WorkspaceId = Guid.TryParse(query["workspace"], out var workspace) ? workspace : null,
        From = ParseDay(query["from"]),
        To = ParseDay(query["to"]),
        ErrorCode = Text(query["error"]),
        Order = string.Equals(query["order"], OldestFirst, StringComparison.OrdinalIgnoreCase) ? UploadOrder.OldestFirst : UploadOrder.NewestFirst,
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
            ["workspace"] = filter.WorkspaceId?.ToString(),
            ["from"] = Day(filter.From),
            ["to"] = Day(filter.To),
            ["error"] = filter.ErrorCode,
            ["order"] = filter.Order == UploadOrder.OldestFirst ? OldestFirst : null,
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

    /// <summary>A UTC day as the address and a date input write it.</summary>
    public static string? Day(DateOnly? day) => day?.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
