using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Accounts;
using Midx.App.Components.Layout;
using Midx.App.Workspaces;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

public sealed class MainLayoutTests : PageTestContext
{
    [Fact]
    public void Render_SignedInPerson_DrawerListsTheirPagesButNotAdmin()
    {
        SignIn();

        var layout = RenderLayout();

        Assert.Equal(["Compose", "History", "Accounts", "Settings"], layout.FindAll(".mud-drawer a.mud-nav-link").Select(Text));
        Assert.Equal(["/compose", "/history", "/accounts", "/settings"], layout.FindAll(".mud-drawer a.mud-nav-link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Render_Admin_DrawerAlsoListsAdmin()
    {
        SignIn(AdminPolicy.Role);

        var layout = RenderLayout();

        Assert.Equal(["Compose", "History", "Accounts", "Settings", "Admin"], layout.FindAll(".mud-drawer a.mud-nav-link").Select(Text));
    }

    [Fact]
    public void Render_SignedInPerson_ShowsTheirNameTheMenuButtonAndNoSignInLink()
    {
        SignIn();

        var layout = RenderLayout();

        Assert.Equal("Avery Creator", Text(layout.Find("[data-user-name]")));
        Assert.Single(layout.FindAll("button[aria-label='Show navigation']"));
        Assert.Empty(layout.FindAll("a[href='/signin']"));
        Assert.Empty(layout.FindAll("nav.midx-static-nav"));
        Assert.Equal("on", layout.Find("[data-circuit]").GetAttribute("data-circuit"));
    }

    /// <summary>bunit has no screen, so MudBlazor's responsive drawer starts as on a narrow one: closed.</summary>
    [Fact]
    public void ClickShowNavigation_NarrowScreen_OpensTheDrawerAndSaysSo()
    {
        SignIn();
        var layout = RenderLayout();
        Assert.Equal("false", layout.Find("button[aria-label='Show navigation']").GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--closed", layout.Find(".mud-drawer").ClassName);

        layout.Find("button[aria-label='Show navigation']").Click();

        Assert.Equal("true", layout.Find("button[aria-label='Show navigation']").GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--open", layout.Find(".mud-drawer").ClassName);
    }

    [Fact]
    public void Render_Visitor_ShowsSignInAndNoNavigation()
    {
        Context.AddAuthorization().SetNotAuthorized();

        var layout = RenderLayout();

        Assert.Equal("Sign in", Text(layout.Find("a[href='/signin']")));
        Assert.Empty(layout.FindAll(".mud-drawer"));
        Assert.Empty(layout.FindAll("button[aria-label='Show navigation']"));
        Assert.Empty(layout.FindAll("[data-user-name]"));
        Assert.Equal("The page", Text(layout.Find("main")));
    }

    [Fact]
    public void ClickThemeToggle_LightTheme_SwitchesToDarkAndRemembersIt()
    {
        Context.AddAuthorization().SetNotAuthorized();
        var theme = Context.JSInterop.SetupModule("./js/theme.js");
        theme.SetupVoid("remember", "dark").SetVoidResult();
        var layout = RenderLayout();
        Assert.Equal("Switch to the dark theme", layout.Find("button[data-theme-toggle]").GetAttribute("aria-label"));

        layout.Find("button[data-theme-toggle]").Click();

        layout.WaitForAssertion(() =>
            Assert.Equal("Switch to the light theme", layout.Find("button[data-theme-toggle]").GetAttribute("aria-label")));
        Assert.Equal(["dark"], theme.VerifyInvoke("remember").Arguments);
    }

    [Fact]
    public void ClickThemeToggle_Twice_SwitchesBackToLightAndRemembersThat()
    {
        Context.AddAuthorization().SetNotAuthorized();
        var theme = Context.JSInterop.SetupModule("./js/theme.js");
        theme.SetupVoid("remember", _ => true).SetVoidResult();
        var layout = RenderLayout();

        layout.Find("button[data-theme-toggle]").Click();
        layout.Find("button[data-theme-toggle]").Click();

        layout.WaitForAssertion(() =>
            Assert.Equal("Switch to the dark theme", layout.Find("button[data-theme-toggle]").GetAttribute("aria-label")));
        Assert.Equal(["dark", "light"], theme.VerifyInvoke("remember", calledTimes: 2).Select(i => i.Arguments.Single()));
    }

    [Fact]
    public void Render_RequestRemembersTheDarkTheme_OffersTheLightTheme()
    {
        Context.AddAuthorization().SetNotAuthorized();
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = $"{ThemePreference.CookieName}=dark";

        var layout = Render<MainLayout>(p => p
            .Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "The page")))
            .AddCascadingValue<HttpContext>(request)
            .SetAssignedRenderMode(RenderMode.InteractiveServer));

        Assert.Equal("Switch to the light theme", layout.Find("button[data-theme-toggle]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_PlainHttpPage_HasNoThemeToggleOrMenuButtonAndListsThePagesAsLinks()
    {
        Interactive = false;
        SignIn();

        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("button[data-theme-toggle]"));
        Assert.Empty(layout.FindAll("button[aria-label='Show navigation']"));
        Assert.Equal(["Compose", "History", "Accounts", "Settings"], layout.FindAll("nav.midx-static-nav a").Select(Text));
        Assert.Equal("off", layout.Find("[data-circuit]").GetAttribute("data-circuit"));
    }

    [Fact]
    public void Render_Sandbox_ShowsTheSandboxBannerAndTheOperatorInTheFooter()
    {
        MidxSettings.Sandbox = true;
        Context.AddAuthorization().SetNotAuthorized();

        var layout = RenderLayout();

        Assert.StartsWith("Sandbox Google and TikTok are stand-ins", Text(layout.Find(".midx-sandbox-banner")));
        Assert.Contains("© 2026 Midx Test Operator", Text(layout.Find("footer")));
    }

    [Fact]
    public void Render_NotSandbox_ShowsNoSandboxBanner()
    {
        Context.AddAuthorization().SetNotAuthorized();

        var layout = RenderLayout();

        Assert.Empty(layout.FindAll(".midx-sandbox-banner"));
    }

    [Fact]
    public void Render_SignedInOnTheCircuit_StartsTheSessionKeepAliveWithItsPathAndPause()
    {
        SignIn();
        var session = Context.JSInterop.SetupModule("./js/session.js");
        session.SetupVoid("keepAlive", _ => true).SetVoidResult();

        RenderLayout();

        var call = session.VerifyInvoke("keepAlive");
        Assert.Equal([AccountEndpoints.SessionPath, (long)SessionKeepAlive.Every.TotalMilliseconds], call.Arguments);
    }

    [Fact]
    public void Render_Visitor_StartsNoSessionKeepAlive()
    {
        Context.AddAuthorization().SetNotAuthorized();
        var session = Context.JSInterop.SetupModule("./js/session.js");

        RenderLayout();

        session.VerifyNotInvoke("keepAlive");
    }

    [Fact]
    public async Task Render_PersonAlone_SwitcherShowsTheirPersonalWorkspaceAndTheDrawerLinksNameNone()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        SignIn(avery);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;

        var layout = RenderLayout();

        Assert.Equal("Personal", Text(layout.Find("[data-workspace-switcher] .midx-workspace-name")));
        Assert.Equal(["/compose", "/history", "/accounts", "/settings"], layout.FindAll(".mud-drawer a.mud-nav-link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Render_AddressNamesASharedWorkspace_SwitcherShowsItAndTheDrawerLinksKeepIt()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var studio = (await AddSharedAsync("Studio", (avery, WorkspaceRole.Editor))).Id;
        SignIn(avery);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;

        var layout = RenderLayout(Request($"?{WorkspaceChoice.QueryParameter}={studio}"));

        Assert.Equal("Studio", Text(layout.Find("[data-workspace-switcher] .midx-workspace-name")));
        Assert.Equal(studio.ToString(), layout.Find("[data-workspace-switcher]").GetAttribute("data-current-workspace"));
        Assert.All(layout.FindAll(".mud-drawer a.mud-nav-link"), a => Assert.EndsWith($"?{WorkspaceChoice.QueryParameter}={studio}", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Render_AddressNamesAWorkspaceThePersonIsNotIn_ShowsTheirOwnInstead()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var bo = await AddUserAsync("bo@midx.test", "Bo");
        var theirs = (await AddSharedAsync("Bo's studio", (bo, WorkspaceRole.Owner))).Id;
        SignIn(avery);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;

        var layout = RenderLayout(Request($"?{WorkspaceChoice.QueryParameter}={theirs}"));

        Assert.Equal(avery.Id.ToString(), layout.Find("[data-workspace-switcher]").GetAttribute("data-current-workspace"));
        Assert.DoesNotContain("Bo's studio", layout.Markup);
    }

    private static HttpContext Request(string query)
    {
        var request = new DefaultHttpContext();
        request.Request.QueryString = new QueryString(query);
        return request;
    }

    private void SignIn(params string[] roles)
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized("Avery Creator");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Email, "avery@midx.test"));
        auth.SetRoles(roles);
    }

    /// <summary>On the circuit unless <see cref="MudBlazorTestContext.Interactive"/> is off: then as a plain-HTTP page, with no render mode.</summary>
    private IRenderedComponent<MainLayout> RenderLayout(HttpContext? request = null) =>
        Render<MainLayout>(p =>
        {
            p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "The page")))
                .SetAssignedRenderMode(Interactive ? RenderMode.InteractiveServer : null);
            if (request is not null)
            {
                p.AddCascadingValue(request);
            }
        });
}
