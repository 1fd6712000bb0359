using Midx.Core.Admin;

namespace Midx.App.Admin;

/// <summary>
/// Carries the outcome of an admin action across post/redirect/get: the form handler stores it in a short-lived,
/// HTTP-only cookie scoped to /admin, and the next page render shows it once and deletes it.
/// </summary>
public static class AdminNotice
{
    private const string CookieName = "midx.admin.notice";

    public static void Set(HttpContext context, AdminActionResult result) =>
        context.Response.Cookies.Append(CookieName, (result.Succeeded ? "ok:" : "no:") + result.Message, new CookieOptions
        {
            Path = "/admin",
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = TimeSpan.FromMinutes(1),
        });

    /// <summary>The pending notice, if any, removed so it shows only once.</summary>
    public static (bool Succeeded, string Message)? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value.Length < 3)
        {
            return null;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/admin" });
        }

        return (value.StartsWith("ok:", StringComparison.Ordinal), value[3..]);
    }
}
