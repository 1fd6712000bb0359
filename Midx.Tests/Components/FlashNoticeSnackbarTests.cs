using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Midx.App.Components.Shared;
using Midx.Tests.Support;

namespace Midx.Tests.Components;

/// <summary>
/// The notice reaches the component the way a redirect leaves it: in the protected cookie of the request. bunit cannot
/// supply a <c>[PersistentState]</c> property as a parameter (its builder rejects the attribute), so these tests cascade the
/// request instead; the circuit's hand-over of <c>Notice</c> through persisted state is Blazor's own and not tested here.
/// </summary>
public sealed class FlashNoticeSnackbarTests : MudBlazorTestContext
{
    [Fact]
    public void Render_GoodNoticeLeftByARedirect_ShowsASuccessSnackbarWithItsText()
    {
        var providers = RenderMudProviders();

        RenderWith(new FlashNotice("Linked", "TikTok account linked.", Good: true));

        var snackbar = providers.WaitForElement(".mud-snackbar");
        Assert.Equal("TikTok account linked.", snackbar.QuerySelector("[data-notice=Linked]")?.TextContent);
        Assert.Contains("mud-alert-filled-success", snackbar.ClassName);
    }

    [Fact]
    public void Render_NoticeThatWentBadly_ShowsAWarningSnackbar()
    {
        var providers = RenderMudProviders();

        RenderWith(new FlashNotice("TikTokUnreachable", "TikTok could not be reached.", Good: false));

        var snackbar = providers.WaitForElement(".mud-snackbar");
        Assert.Equal("TikTok could not be reached.", snackbar.QuerySelector("[data-notice=TikTokUnreachable]")?.TextContent);
        Assert.Contains("mud-alert-filled-warning", snackbar.ClassName);
        Assert.DoesNotContain("mud-alert-filled-success", snackbar.ClassName);
    }

    [Fact]
    public void Render_WhilePrerendering_ShowsNoSnackbarYet()
    {
        Interactive = false;
        var providers = RenderMudProviders();

        RenderWith(new FlashNotice("Linked", "TikTok account linked.", Good: true));

        Assert.Empty(providers.FindAll(".mud-snackbar"));
    }

    [Fact]
    public void Render_RequestWithoutNotice_ShowsNoSnackbar()
    {
        var providers = RenderMudProviders();

        Render<FlashNoticeSnackbar>(p => p.AddCascadingValue<HttpContext>(new DefaultHttpContext()));

        Assert.Empty(providers.FindAll(".mud-snackbar"));
    }

    private void RenderWith(FlashNotice notice)
    {
        var notices = Context.Services.GetRequiredService<FlashNotices>();
        var redirect = new DefaultHttpContext();
        notices.Set(redirect, notice);
        var cookie = SetCookieHeaderValue.Parse(redirect.Response.Headers.SetCookie.ToString());
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        Render<FlashNoticeSnackbar>(p => p.AddCascadingValue<HttpContext>(request));
    }
}
