namespace Midx.App.Components.Layout;

/// <summary>
/// The light or dark choice, remembered in a cookie (written by <c>js/theme.js</c>) so the server renders the chosen
/// theme from the first byte, on plain-HTTP pages too. Only the words "dark" and "light" are ever read from it.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "midx.theme";

    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies[CookieName] == "dark";

    public static string CookieValue(bool dark) => dark ? "dark" : "light";
}
