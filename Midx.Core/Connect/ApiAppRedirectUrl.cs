namespace Midx.Core.Connect;

/// <summary>
/// The one rule for a redirect URL of an <see cref="ApiApp"/>: an absolute https URL without a fragment (Midx appends
/// <c>account_id</c>, <c>error</c> and <c>state</c> to its query), or http on a loopback host (127.0.0.1, [::1],
/// localhost) for local development, as RFC 8252 §7.3 allows native apps. Midx compares them exactly, as OAuth 2.0
/// Security Best Current Practice (RFC 9700 §4.1.3) asks, so a registered URL is never a prefix or a pattern.
/// </summary>
public static class ApiAppRedirectUrl
{
    public const int MaxLength = 2000;

    public const string Invalid = "Enter a whole https URL without a # part, e.g. https://app.example.com/tiktok/connected; "
        + "http only on 127.0.0.1, [::1] or localhost, for local development.";

    public static readonly string TooLong = $"A redirect URL can be at most {MaxLength} characters.";

    /// <summary>Why <paramref name="url"/> cannot be registered, or null when it can.</summary>
    public static string? Problem(string url)
    {
        if (url.Length > MaxLength)
        {
            return TooLong;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo) || uri.Host.Length == 0)
        {
            return Invalid;
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) ? null : Invalid;
    }
}
