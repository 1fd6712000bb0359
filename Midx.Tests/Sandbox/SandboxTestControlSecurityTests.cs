using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Midx.App.Sandbox.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Sandbox;

/// <summary>What someone other than a test can do with the sandbox TikTok's <c>__test</c> controls and journal.</summary>
public sealed class SandboxTestControlSecurityTests(SandboxTikTokApp app) : IClassFixture<SandboxTikTokApp>, IAsyncLifetime
{
    private const string Verifier = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TestControls_InProductionWithSandboxAllowed_AreNotFound()
    {
        using var production = MidxAppFactory.ProductionWithSandbox();
        using var client = production.CreateHttpClient();

        var requests = await client.GetAsync(SandboxTikTokApp.Base + "/__test/requests");
        var switches = await client.GetAsync(SandboxTikTokApp.Base + "/__test/switches");
        var consentPage = await client.GetAsync(AuthorizeUrl(production.ServerAddress));

        Assert.Equal(HttpStatusCode.NotFound, requests.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, switches.StatusCode);
        // The sandbox itself is mounted: only its test controls are gone.
        Assert.Equal(HttpStatusCode.OK, consentPage.StatusCode);
    }

    [Fact]
    public async Task Journal_AfterABrowserUsedTheConsentPage_HoldsNoCookieOrFormToken()
    {
        var sessionCookie = "midx.session=" + Guid.NewGuid().ToString("N");
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Factory.ServerAddress };
        using var open = new HttpRequestMessage(HttpMethod.Get, AuthorizeUrl(app.Factory.ServerAddress));
        open.Headers.Add("Cookie", sessionCookie);
        var page = await browser.SendAsync(open);
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var (action, fields) = await ConsentFormAsync(page);
        var formToken = fields.Single(f => f.Key == AntiforgeryForms.TokenField).Value;
        using var submit = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        submit.Headers.Add("Cookie", $"{sessionCookie}; {antiforgeryCookie}");
        var decided = await browser.SendAsync(submit);

        var journal = await app.Client.GetStringAsync(SandboxTikTokApp.Base + "/__test/requests?endpoint=authorize");

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("\"method\":\"POST\"", journal);
        Assert.DoesNotContain(sessionCookie.Split('=')[1], journal);
        Assert.DoesNotContain(antiforgeryCookie.Split('=', 2)[1], journal);
        Assert.DoesNotContain(formToken, journal);
        Assert.DoesNotContain("cookie", journal, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("text/plain", "https://attacker.example", "cross-site")]
    [InlineData("text/plain", null, null)]
    [InlineData("application/json", "https://attacker.example", "cross-site")]
    [InlineData("application/json", "https://attacker.example", null)]
    public async Task TestControls_CrossSiteOrNonJsonPost_IsRefusedAndArmsNothing(string contentType, string? origin, string? fetchSite)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, SandboxTikTokApp.Base + "/__test/consent")
        {
            Content = new StringContent("""{"decision":"Deny","creatorKey":"public"}""", Encoding.UTF8, contentType),
        };
        if (origin is not null)
        {
            post.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            post.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        var refused = await app.Client.SendAsync(post);
        var authorize = await app.Client.GetAsync(AuthorizeUrl(app.Factory.ServerAddress));

        Assert.True((int)refused.StatusCode is 403 or 415, $"Expected a refusal, got {(int)refused.StatusCode}");
        // Not armed: the person still sees the consent page instead of being sent back denied.
        Assert.Equal(HttpStatusCode.OK, authorize.StatusCode);
    }

    [Fact]
    public async Task ConsentForm_PostedCrossSite_IsRefusedWithoutACode()
    {
        var (action, fields) = await ConsentFormAsync(await app.Client.GetAsync(AuthorizeUrl(app.Factory.ServerAddress)));
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        crossSite.Headers.Add("Origin", "https://attacker.example");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await app.Client.SendAsync(crossSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ConsentForm_PostedByTheBrowserFromTheSamePage_StillRedirectsWithACode()
    {
        var (action, fields) = await ConsentFormAsync(await app.Client.GetAsync(AuthorizeUrl(app.Factory.ServerAddress)));
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        sameOrigin.Headers.Add("Origin", app.Origin);
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await app.Client.SendAsync(sameOrigin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("code=", response.Headers.Location!.Query);
    }

    /// <summary>The consent form's action and its fields as a person who approves as the public creator sends them.</summary>
    private static async Task<(string Action, List<KeyValuePair<string, string>> Fields)> ConsentFormAsync(HttpResponseMessage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("form[data-tiktok-consent]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("creator", "public"))
            .Append(new("decision", "authorize"))
            .ToList();
        return (form.GetAttribute("action")!, fields);
    }

    private static string AuthorizeUrl(Uri origin) => QueryHelpers.AddQueryString(SandboxTikTokApp.Base + OAuthEndpoints.AuthorizePath, new Dictionary<string, string?>
    {
        ["client_key"] = TikTokFixtures.ClientKey,
        ["scope"] = "user.info.basic",
        ["redirect_uri"] = origin.GetLeftPart(UriPartial.Authority) + "/tiktok/callback",
        ["state"] = "state-123",
        ["response_type"] = "code",
        ["code_challenge"] = PkceCheck.HexChallenge(Verifier),
        ["code_challenge_method"] = "S256",
    });
}
