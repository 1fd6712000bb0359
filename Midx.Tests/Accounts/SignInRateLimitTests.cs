using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Midx.App.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

/// <summary>The per-address limit on starting a Google sign-in, directly and behind a reverse proxy.</summary>
public sealed class SignInRateLimitTests
{
    private const string ForwardedFor = "X-Forwarded-For";

    [Fact]
    public async Task SignInStart_OneMoreThanTheLimit_IsRefusedWithRetryAfterAndAPageWhileTheCallbackStillSignsIn()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:SignIn:PermitsPerMinute"] = "3" });
        using var waiting = new SignInFlow(app);
        var callback = await waiting.ChooseListedAsync(await waiting.StartAsync(), "grace@sandbox.midx.test");
        for (var i = 1; i < 3; i++)
        {
            using var other = new SignInFlow(app);
            await other.StartAsync();
        }

        using var late = new SignInFlow(app);
        using var refused = await PostStartAsync(late);
        var landing = await waiting.CompleteAsync(callback);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal(SignInRateLimitPage.Title, page.QuerySelector("h1")?.TextContent);
        Assert.Contains(SignInRateLimitPage.Message, page.Body?.TextContent);
        Assert.Equal("/", landing.AbsolutePath);
        Assert.NotNull(waiting.SessionCookie);
    }

    [Fact]
    public async Task SignInStart_BehindAKnownProxy_LimitsEachForwardedClientSeparately()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["Midx:SignIn:PermitsPerMinute"] = "1",
            ["Midx:Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        using var first = Behind(new SignInFlow(app), "203.0.113.7");
        using var second = Behind(new SignInFlow(app), "198.51.100.9");

        using var firstStart = await PostStartAsync(first);
        using var firstAgain = await PostStartAsync(first);
        using var secondStart = await PostStartAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, firstStart.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, secondStart.StatusCode);
    }

    [Fact]
    public async Task SignInStart_NoKnownProxy_IgnoresForwardedForSoASpoofedHeaderGetsNoNewLimit()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:SignIn:PermitsPerMinute"] = "1" });
        using var first = Behind(new SignInFlow(app), "203.0.113.7");
        using var spoofer = Behind(new SignInFlow(app), "198.51.100.9");

        using var firstStart = await PostStartAsync(first);
        using var spoofed = await PostStartAsync(spoofer);

        Assert.Equal(HttpStatusCode.Redirect, firstStart.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
    }

    private static SignInFlow Behind(SignInFlow flow, string clientAddress)
    {
        flow.Client.DefaultRequestHeaders.Add(ForwardedFor, clientAddress);
        return flow;
    }

    /// <summary>Presses "Sign in with Google" on the sign-in page and returns Midx's raw answer.</summary>
    private static async Task<HttpResponseMessage> PostStartAsync(SignInFlow flow)
    {
        var page = await flow.GetDocumentAsync("/signin");
        var form = page.QuerySelector<IHtmlFormElement>("form[data-signin-google]")!;
        return await flow.PostFormAsync(form, []);
    }
}
