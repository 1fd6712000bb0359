namespace Midx.Core.TikTok;

/// <summary>
/// Where the TikTok client sends its requests. Resolved on every request rather than once at start-up because in
/// sandbox mode the app points them at its own origin, which is known only after Kestrel has bound its port.
/// Nothing that talks to TikTok can tell whether the answer comes from TikTok or from the sandbox.
/// </summary>
public sealed class TikTokBaseUrls(Func<Uri> authorize, Func<Uri> api)
{
    /// <summary>Base for the browser authorization page (<c>/v2/auth/authorize/</c> is appended).</summary>
    public Uri Authorize => WithTrailingSlash(authorize());

    /// <summary>Base for the server APIs (<c>/v2/...</c> is appended).</summary>
    public Uri Api => WithTrailingSlash(api());

    public static TikTokBaseUrls FromOptions(TikTokOptions options)
    {
        var authorize = new Uri(options.AuthorizeBaseUrl, UriKind.Absolute);
        var api = new Uri(options.ApiBaseUrl, UriKind.Absolute);
        return new TikTokBaseUrls(() => authorize, () => api);
    }

    /// <summary>Relative paths such as <c>v2/oauth/token/</c> must keep any path prefix (e.g. <c>/sandbox/tiktok</c>).</summary>
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/", UriKind.Absolute);
}
