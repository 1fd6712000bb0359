using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Midx.App.Components.Shared;

/// <summary>
/// Carries a <see cref="FlashNotice"/> across a redirect in a short-lived cookie, protected with Data Protection so no
/// other site and no edited URL can make Midx show words it did not write. Read once, then deleted.
/// </summary>
public sealed class FlashNotices(IDataProtectionProvider protection)
{
    public const string CookieName = "midx.notice";

    private readonly IDataProtector _protector = protection.CreateProtector("Midx.FlashNotice.v1");

    public void Set(HttpContext context, FlashNotice notice) =>
        context.Response.Cookies.Append(CookieName, Protect(notice), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(2),
            IsEssential = true,
        });

    /// <summary>The notice this request carries, if any, and the cookie's deletion in the response.</summary>
    public FlashNotice? Take(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        }

        return Read(value);
    }

    /// <summary>The notice in a cookie value, or null when it was not written by this Midx (or its key is gone).</summary>
    public FlashNotice? Read(string cookieValue)
    {
        try
        {
            return JsonSerializer.Deserialize<FlashNotice>(_protector.Unprotect(cookieValue));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private string Protect(FlashNotice notice) => _protector.Protect(JsonSerializer.Serialize(notice));
}
