using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Accounts;
using Midx.App.Components.Pages;
using Midx.App.Privacy;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

/// <summary>
/// A form whose antiforgery token no longer fits the browser's session (a tab left open while the person signed in or
/// out in another one) must explain itself, never answer with a blank 500 or a stack trace.
/// </summary>
public sealed class FormExpiredTests
{
    [Theory]
    [InlineData("Production", AccountEndpoints.SignInWithGooglePath)]
    [InlineData("Production", AccountEndpoints.SignOutPath)]
    [InlineData("Development", AccountEndpoints.SignInWithGooglePath)]
    [InlineData("Development", AccountEndpoints.SignOutPath)]
    public async Task Post_WithTokenFromAnotherSession_ShowsTheFormExpiredPage(string environment, string action)
    {
        using var app = environment == "Production" ? MidxAppFactory.ProductionWithSandbox() : new MidxAppFactory();
        using var firstTab = PlainBrowser(app);
        using var otherBrowser = PlainBrowser(app);
        var (_, foreignToken) = await OpenSignInPageAsync(firstTab);
        var (ownCookie, _) = await OpenSignInPageAsync(otherBrowser);

        using var post = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent([new(AntiforgeryForms.TokenField, foreignToken), new("returnUrl", "/")]),
        };
        post.Headers.Add("Cookie", ownCookie);
        var response = await otherBrowser.SendAsync(post);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(FormExpiredPage.Title, html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(app.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAccount_WithTokenFromBeforeSigningIn_ShowsTheFormExpiredPageAndKeepsTheAccount()
    {
        using var app = new MidxAppFactory();
        using var flow = new SignInFlow(app);
        var staleToken = AntiforgeryForms.Token((await flow.GetDocumentAsync("/signin")).DocumentElement.OuterHtml);
        var callback = await flow.ChooseCustomAsync(await flow.StartAsync(), "lin@sandbox.midx.test", "Lin");
        await flow.CompleteAsync(callback);

        var response = await flow.Client.PostAsync(PrivacyEndpoints.DeletePath, new FormUrlEncodedContent(
            [new(AntiforgeryForms.TokenField, staleToken), new("email", "lin@sandbox.midx.test")]));
        var settings = await flow.Client.GetAsync(SettingsPage.Path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(FormExpiredPage.Title, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Theory]
    [InlineData(typeof(ErrorPage))]
    [InlineData(typeof(StatusCodePage))]
    [InlineData(typeof(FormExpiredPage))]
    public void PagesShownForFailedRequests_AskForNoAntiforgeryToken(Type page)
    {
        // The exception handler and the status-code pages re-execute a failed POST as a POST of these pages: if they
        // asked for a token, a failure with a missing or foreign token would end as a blank 500 instead of the page.
        using var app = MidxAppFactory.ProductionWithSandbox();
        _ = app.ServerAddress;

        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == page);

        Assert.False(endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation ?? false);
    }

    /// <summary>A browser whose cookies the test carries by hand, so two of them can swap tokens.</summary>
    private static HttpClient PlainBrowser(MidxAppFactory app) =>
        new(app.TrustingThisServer(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })) { BaseAddress = app.ServerAddress };

    /// <summary>Opens /signin; returns the antiforgery cookie it set (as a Cookie header) and the Google form's token.</summary>
    private static async Task<(string Cookie, string Token)> OpenSignInPageAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/signin");
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, AntiforgeryForms.Token(await page.Content.ReadAsStringAsync(), AccountEndpoints.SignInWithGooglePath));
    }
}
