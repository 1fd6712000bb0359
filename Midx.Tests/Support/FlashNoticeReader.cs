using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Components.Shared;

namespace Midx.Tests.Support;

/// <summary>
/// Reads the notice a redirect left for the next page (the protected <see cref="FlashNotices"/> cookie), with the app's
/// own keys: what the person will see in the snackbar there.
/// </summary>
public static class FlashNoticeReader
{
    /// <summary>The notice a response sets, or null when it sets none.</summary>
    public static FlashNotice? NoticeIn(this MidxAppFactory app, HttpResponseMessage response)
    {
        var prefix = FlashNotices.CookieName + "=";
        var header = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))
            : null;
        var value = header?[prefix.Length..].Split(';')[0];
        return string.IsNullOrEmpty(value) ? null : Read(app, Uri.UnescapeDataString(value));
    }

    /// <summary>The notice waiting in a client's cookies for its next page, or null.</summary>
    public static FlashNotice? PendingNotice(this MidxAppFactory app, CookieContainer cookies) =>
        cookies.GetCookies(app.ServerAddress)[FlashNotices.CookieName] is { Expired: false, Value: { Length: > 0 } value }
            ? Read(app, Uri.UnescapeDataString(value))
            : null;

    private static FlashNotice? Read(MidxAppFactory app, string value) =>
        app.Services.GetRequiredService<FlashNotices>().Read(value);
}
