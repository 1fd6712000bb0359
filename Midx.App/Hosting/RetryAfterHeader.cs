using System.Globalization;

namespace Midx.App.Hosting;

/// <summary><c>Retry-After</c> for a refusal: whole seconds until the limit frees, at least one.</summary>
public static class RetryAfterHeader
{
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
