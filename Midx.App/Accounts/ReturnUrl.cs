namespace Midx.App.Accounts;

/// <summary>
/// Where to go after signing in. Only paths on this site are accepted, so a crafted sign-in link cannot send someone
/// to another site afterwards (open redirect): "//evil.example" and "/\evil.example" are other sites to a browser.
/// </summary>
public static class ReturnUrl
{
    public const string Home = "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : Home;
}
