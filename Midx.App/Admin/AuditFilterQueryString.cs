using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Midx.Core.Admin;

namespace Midx.App.Admin;

/// <summary>
/// The audit log's filters and order as query-string parameters, so the page, its paging links and the CSV export all
/// read and write the same URL. Values that do not parse are ignored rather than failing the page.
/// </summary>
public static class AuditFilterQueryString
{
    /// <summary>The <c>order=</c> value of the oldest-first view; any other value means newest first.</summary>
    public const string OldestFirst = "oldest";

    public static AuditFilter Parse(IQueryCollection query) =>
        Create(query["action"], query["email"], query["user"], query["from"], query["to"], query["order"]);

    public static AuditFilter Create(string? action, string? email, string? user, string? from, string? to, string? order) => new()
    {
        Action = Text(action),
        UserEmail = Text(email),
        UserId = Guid.TryParse(user, out var id) ? id : null,
        From = Day(from),
        To = Day(to),
        OldestFirst = string.Equals(order?.Trim(), OldestFirst, StringComparison.OrdinalIgnoreCase),
    };

    public static string ToQueryString(AuditFilter filter, string? after = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["action"] = filter.Action,
            ["email"] = filter.UserEmail,
            ["user"] = filter.UserId?.ToString(),
            ["from"] = Day(filter.From),
            ["to"] = Day(filter.To),
            ["order"] = filter.OldestFirst ? OldestFirst : null,
            ["after"] = after,
        };
        return QueryHelpers.AddQueryString("", pairs.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The filters in words, for the audit line of an export.</summary>
    public static string Describe(AuditFilter filter)
    {
        var query = ToQueryString(filter);
        return query.Length == 0 ? "the whole audit log" : "filters " + query.TrimStart('?');
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A UTC day as the URL and a date input write it, or null when it does not parse.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
