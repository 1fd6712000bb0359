using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Midx.App.Components.Shared;

namespace Midx.Tests.Components;

public sealed class FlashNoticesTests
{
    private static readonly FlashNotice Notice = new("Disconnected", "TikTok account disconnected. Your post history is kept.", Good: true);

    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void Read_ValueItWrote_ReturnsTheNotice()
    {
        var notices = new FlashNotices(_keys);

        Assert.Equal(Notice, notices.Read(Written(notices, Notice).Value.ToString()));
    }

    [Fact]
    public void Set_Always_WritesAShortLivedHttpOnlyCookie()
    {
        var cookie = Written(new FlashNotices(_keys), Notice);

        Assert.Equal(FlashNotices.CookieName, cookie.Name.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(TimeSpan.FromMinutes(2), cookie.MaxAge);
        Assert.DoesNotContain("disconnected", cookie.Value.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_TamperedValue_ReturnsNull()
    {
        var notices = new FlashNotices(_keys);
        var value = Written(notices, Notice).Value.ToString();
        var tampered = value[..^3] + (value[^3] == 'A' ? 'B' : 'A') + value[^2..];

        Assert.Null(notices.Read(tampered));
    }

    [Fact]
    public void Read_ValueWrittenWithOtherKeys_ReturnsNull()
    {
        var elsewhere = new FlashNotices(new EphemeralDataProtectionProvider());

        Assert.Null(new FlashNotices(_keys).Read(Written(elsewhere, Notice).Value.ToString()));
    }

    [Fact]
    public void Read_ValueProtectedForAnotherPurpose_ReturnsNull()
    {
        var foreign = _keys.CreateProtector("Midx.SomethingElse").Protect("""{"Code":"Linked","Text":"Pay here","Good":true}""");

        Assert.Null(new FlashNotices(_keys).Read(foreign));
    }

    [Theory]
    [InlineData("TikTok account linked.")]
    [InlineData("""{"Code":"Linked","Text":"Pay here","Good":true}""")]
    public void Read_PlainText_ReturnsNull(string value)
    {
        Assert.Null(new FlashNotices(_keys).Read(value));
    }

    [Fact]
    public void Take_RequestCarryingTheCookie_ReturnsTheNoticeAndDeletesTheCookie()
    {
        var notices = new FlashNotices(_keys);
        var cookie = Written(notices, Notice);
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";

        Assert.Equal(Notice, notices.Take(request));
        var deletion = SetCookieHeaderValue.Parse(request.Response.Headers.SetCookie.ToString());
        Assert.Equal((FlashNotices.CookieName, ""), (deletion.Name.ToString(), deletion.Value.ToString()));
        Assert.True(deletion.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Take_RequestWithoutTheCookie_ReturnsNull()
    {
        Assert.Null(new FlashNotices(_keys).Take(new DefaultHttpContext()));
    }

    private static SetCookieHeaderValue Written(FlashNotices notices, FlashNotice notice)
    {
        var context = new DefaultHttpContext();
        notices.Set(context, notice);
        return SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString());
    }
}
