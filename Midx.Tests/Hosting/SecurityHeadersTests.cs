using AngleSharp.Html.Parser;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

public sealed class SecurityHeadersTests : IClassFixture<SecurityHeadersTests.App>
{
    private readonly HttpClient _client;

    public SecurityHeadersTests(App app) => _client = app.CreateHttpClient();

    public sealed class App : IDisposable
    {
        private readonly MidxAppFactory _factory = new();

        public HttpClient CreateHttpClient() => _factory.CreateHttpClient();

        public void Dispose() => _factory.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/css/app.css")]
    [InlineData("/no-such-page")]
    [InlineData("/signin")]
    [InlineData("/privacy")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    public async Task AnyResponse_CarriesOneStrictContentSecurityPolicy(string path)
    {
        var response = await _client.GetAsync(path);

        // One policy only: Blazor would add a second, frame-ancestors-only header of its own unless told not to.
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("script-src 'self'", directives);
        // MudBlazor writes its theme and component styles inline; that is the one allowance, and only for styles.
        Assert.Contains("style-src 'self' 'unsafe-inline'", directives);
        Assert.Single(directives, d => d.Contains("unsafe-inline", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    public async Task Pages_HaveNoInlineScriptOrImportMap(string path)
    {
        var html = await _client.GetStringAsync(path);
        var document = new HtmlParser().ParseDocument(html);

        Assert.NotEmpty(document.Scripts);
        Assert.All(document.Scripts, script =>
        {
            Assert.False(string.IsNullOrEmpty(script.Source), $"Inline script found: {script.Text}");
            Assert.True(string.IsNullOrWhiteSpace(script.Text));
            Assert.NotEqual("importmap", script.Type);
        });
        Assert.Empty(document.QuerySelectorAll("[onclick],[onload],[onsubmit],[onchange]"));
    }

    [Fact]
    public async Task InteractivePage_LoadsBlazorAndPlainHttpPage_LoadsNone()
    {
        var homeHtml = await _client.GetStringAsync("/");
        var signInHtml = await _client.GetStringAsync("/signin");
        var home = new HtmlParser().ParseDocument(homeHtml);
        var signIn = new HtmlParser().ParseDocument(signInHtml);

        // Prerendered for the circuit: the server HTML carries Blazor's component markers and its script.
        Assert.Contains("<!--Blazor:", homeHtml, StringComparison.Ordinal);
        Assert.Contains(home.Scripts, s => s.Source!.Contains("_framework/blazor.web", StringComparison.Ordinal));
        Assert.DoesNotContain("<!--Blazor:", signInHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(signIn.Scripts, s => s.Source!.Contains("_framework/blazor.web", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownPage_Returns404WithFriendlyPage()
    {
        var response = await _client.GetAsync("/no-such-page");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("We couldn't find that page", page.QuerySelector("main h1")?.TextContent.Trim());
    }
}
