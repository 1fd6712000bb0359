using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Accounts;
using Midx.Core.Admin;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

/// <summary>What a session cookie is, how long it lasts, and that it stops working the moment it should.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task SignIn_SessionCookie_IsHttpOnlyLaxAndLastsFourteenDays()
    {
        using var flow = new SignInFlow(_app);
        var authorize = await flow.StartAsync();
        var callback = await flow.ChooseListedAsync(authorize, "alan@sandbox.midx.test");

        using var response = await flow.Client.GetAsync(callback);

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("midx.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var expires = flow.SessionCookie!.Expires.ToUniversalTime();
        Assert.InRange(expires, DateTime.UtcNow.AddDays(14).AddMinutes(-5), DateTime.UtcNow.AddDays(14).AddMinutes(5));
    }

    [Fact]
    public async Task SignIn_WithSessionDaysSetting_CookieLastsThatLong()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:Session:Days"] = "3" });

        using var flow = await app.SignInFlowAsync("short@example.test", "Short");

        var expires = flow.SessionCookie!.Expires.ToUniversalTime();
        Assert.InRange(expires, DateTime.UtcNow.AddDays(3).AddMinutes(-5), DateTime.UtcNow.AddDays(3).AddMinutes(5));
    }

    [Fact]
    public async Task Session_UserDisabled_StopsWorkingAtOnce()
    {
        using var flow = await _app.SignInFlowAsync("dana@example.test", "Dana");
        Assert.True(await ShowsSignedInAsync(flow, "Dana"));
        var user = await _app.UserByEmailAsync("dana@example.test");

        await _app.UpdateUserAsync(user.Id, u => u.IsDisabled = true);

        Assert.False(await ShowsSignedInAsync(flow, "Dana"));
        Assert.Null(flow.SessionCookie);
    }

    [Fact]
    public async Task Session_UserDeleted_StopsWorkingAtOnce()
    {
        using var flow = await _app.SignInFlowAsync("erin@example.test", "Erin");
        Assert.True(await ShowsSignedInAsync(flow, "Erin"));
        var user = await _app.UserByEmailAsync("erin@example.test");

        await _app.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync());

        Assert.False(await ShowsSignedInAsync(flow, "Erin"));
        Assert.Null(flow.SessionCookie);
    }

    [Fact]
    public async Task Session_SecurityStampChanged_StopsWorkingButNewSignInWorks()
    {
        using var flow = await _app.SignInFlowAsync("finn@example.test", "Finn");
        var user = await _app.UserByEmailAsync("finn@example.test");

        await _app.UpdateUserAsync(user.Id, u => u.SecurityStamp = Guid.NewGuid().ToString("N"));

        Assert.False(await ShowsSignedInAsync(flow, "Finn"));
        using var again = await _app.SignInFlowAsync("finn@example.test", "Finn");
        Assert.True(await ShowsSignedInAsync(again, "Finn"));
    }

    [Fact]
    public async Task SignOut_WithAntiforgeryToken_ClearsSessionAndIsAudited()
    {
        using var flow = await _app.SignInFlowAsync("gus@example.test", "Gus");
        var home = await flow.GetDocumentAsync("/");
        var form = home.QuerySelector<IHtmlFormElement>("form[action='/account/signout']")!;

        using var response = await flow.PostFormAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Null(flow.SessionCookie);
        Assert.False(await ShowsSignedInAsync(flow, "Gus"));
        var user = await _app.UserByEmailAsync("gus@example.test");
        var signedOut = Assert.Single(await _app.AuditAsync(AuditActions.SignedOut));
        Assert.Equal(user.Id, signedOut.ActorUserId);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejectedAndSessionStays()
    {
        using var flow = await _app.SignInFlowAsync("hana@example.test", "Hana");

        using var response = await flow.Client.PostAsync("/account/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(flow.SessionCookie);
        Assert.True(await ShowsSignedInAsync(flow, "Hana"));
        Assert.Empty(await _app.AuditAsync(AuditActions.SignedOut));
    }

    [Fact]
    public async Task SignIn_AdminFromConfiguration_GetsAdminRole()
    {
        using var ada = await _app.SignInFlowAsync("ada@sandbox.midx.test", "Ada Lovelace");
        using var grace = await _app.SignInFlowAsync("grace@sandbox.midx.test", "Grace Hopper");

        var adaHome = await ada.GetDocumentAsync("/");
        var graceHome = await grace.GetDocumentAsync("/");
        Assert.NotNull(adaHome.QuerySelector("a[href='/admin']"));
        Assert.Null(graceHome.QuerySelector("a[href='/admin']"));

        var adaUser = await _app.UserByEmailAsync("ada@sandbox.midx.test");
        var graceUser = await _app.UserByEmailAsync("grace@sandbox.midx.test");
        Assert.True(adaUser.IsAdmin);
        Assert.False(graceUser.IsAdmin);
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        Assert.True((await authorization.AuthorizeAsync(SessionPrincipal.Create(adaUser), AdminPolicy.Name)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(SessionPrincipal.Create(graceUser), AdminPolicy.Name)).Succeeded);
    }

    [Fact]
    public async Task SignInPage_WhenSignedIn_RedirectsToReturnUrl()
    {
        using var flow = await _app.SignInFlowAsync("ivy@example.test", "Ivy");

        using var response = await flow.Client.GetAsync("/signin?returnUrl=%2Fprivacy");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/privacy", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignInPage_Visitor_ExplainsMidxAndOffersGoogleAndPolicyLinks()
    {
        using var flow = new SignInFlow(_app);

        var page = await flow.GetDocumentAsync("/signin?returnUrl=%2Fhistory");

        Assert.Contains("TikTok", page.QuerySelector("main section[aria-labelledby=signin-title]")?.TextContent);
        var form = page.QuerySelector<IHtmlFormElement>("form[data-signin-google]")!;
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.Equal("Sign in with Google", form.QuerySelector("button")?.TextContent.Trim());
        Assert.Equal("/history", form.QuerySelector<IHtmlInputElement>("input[name=returnUrl]")?.Value);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        foreach (var href in new[] { "/privacy", "/terms", "/data-deletion" })
        {
            Assert.NotNull(page.QuerySelector($"main a[href='{href}']"));
        }
    }

    private static async Task<bool> ShowsSignedInAsync(SignInFlow flow, string name)
    {
        var home = await flow.GetDocumentAsync("/");
        return home.QuerySelector("[data-user-name]")?.TextContent == name;
    }

    public void Dispose() => _app.Dispose();
}
