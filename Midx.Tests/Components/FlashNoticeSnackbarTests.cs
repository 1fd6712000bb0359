using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Midx.App.Components.Shared;
using Midx.Tests.Support;

namespace Midx.Tests.Components;

/// <summary>
/// The notice travels as it does in the app: the prerender takes it from the redirect's protected cookie, Blazor persists
/// the <c>[PersistentState]</c> property, and the circuit's render (no cookie, no request) shows it. bunit's parameter
/// builder rejects a <c>[PersistentState]</c> property, so the tests go through bunit's persistent component state instead.
/// </summary>
public sealed class FlashNoticeSnackbarTests : MudBlazorTestContext
{
    private readonly BunitPersistentComponentState _state;

    public FlashNoticeSnackbarTests()
    {
        _state = Context.AddBunitPersistentComponentState();
        Context.Services.AddSupplyValueFromPersistentComponentStateProvider();
        Interactive = false;
    }

    [Fact]
    public void RenderOnTheCircuit_GoodNoticeLeftByARedirect_ShowsASuccessSnackbarWithItsText()
    {
        var providers = RenderMudProviders();
        Prerender(CookieFor(new FlashNotice("Linked", "TikTok account linked.", Good: true)));

        RenderOnTheCircuit();

        var snackbar = providers.WaitForElement(".mud-snackbar");
        Assert.Equal("TikTok account linked.", snackbar.QuerySelector("[data-notice=Linked]")?.TextContent);
        Assert.Contains("mud-alert-filled-success", snackbar.ClassName);
    }

    [Fact]
    public void RenderOnTheCircuit_NoticeThatWentBadly_ShowsAWarningSnackbar()
    {
        var providers = RenderMudProviders();
        Prerender(CookieFor(new FlashNotice("TikTokUnreachable", "TikTok could not be reached.", Good: false)));

        RenderOnTheCircuit();

        var snackbar = providers.WaitForElement(".mud-snackbar");
        Assert.Equal("TikTok could not be reached.", snackbar.QuerySelector("[data-notice=TikTokUnreachable]")?.TextContent);
        Assert.Contains("mud-alert-filled-warning", snackbar.ClassName);
    }

    [Fact]
    public void Prerender_NoticeInTheCookie_ShowsNoSnackbarBeforeTheCircuit()
    {
        var providers = RenderMudProviders();

        Prerender(CookieFor(new FlashNotice("Linked", "TikTok account linked.", Good: true)));

        Assert.Empty(providers.FindAll(".mud-snackbar"));
    }

    [Fact]
    public void RenderOnTheCircuit_RedirectLeftNoNotice_ShowsNoSnackbar()
    {
        var providers = RenderMudProviders();
        Prerender(cookie: null);

        RenderOnTheCircuit();

        Assert.Empty(providers.FindAll(".mud-snackbar"));
    }

    /// <summary>The first, static render of the request, then the hand-over Blazor does when the circuit starts.</summary>
    private void Prerender(string? cookie)
    {
        var request = new DefaultHttpContext();
        if (cookie is not null)
        {
            request.Request.Headers.Cookie = cookie;
        }

        Render<FlashNoticeSnackbar>(p => p.AddCascadingValue<HttpContext>(request));
        _state.TriggerOnPersisting();
    }

    /// <summary>
    /// The circuit's render: interactive, with no cookie to read. It keeps the prerender's cascading wrapper (with an empty
    /// request) because the key Blazor persists a property under depends on where the component sits.
    /// </summary>
    private void RenderOnTheCircuit()
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<FlashNoticeSnackbar>(p => p.AddCascadingValue<HttpContext>(new DefaultHttpContext()));
    }

    private string CookieFor(FlashNotice notice)
    {
        var redirect = new DefaultHttpContext();
        Context.Services.GetRequiredService<FlashNotices>().Set(redirect, notice);
        var cookie = SetCookieHeaderValue.Parse(redirect.Response.Headers.SetCookie.ToString());
        return $"{cookie.Name}={cookie.Value}";
    }
}
