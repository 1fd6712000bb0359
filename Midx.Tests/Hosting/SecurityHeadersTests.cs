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
    public async Task AnyResponse_CarriesSecurityHeaders(string path)
    {
        var response = await _client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task HomePage_HasNoInlineScriptOrStyle()
    {
        var html = await _client.GetStringAsync("/");
        var document = new HtmlParser().ParseDocument(html);

        Assert.NotEmpty(document.Scripts);
        Assert.All(document.Scripts, script =>
        {
            Assert.False(string.IsNullOrEmpty(script.Source), $"Inline script found: {script.Text}");
            Assert.True(string.IsNullOrWhiteSpace(script.Text));
        });
        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.Empty(document.QuerySelectorAll("[onclick],[onload],[onsubmit],[onchange]"));
    }

    [Fact]
    public async Task UnknownPage_Returns404WithFriendlyPage()
    {
        var response = await _client.GetAsync("/no-such-page");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We couldn't find that page", await response.Content.ReadAsStringAsync());
    }
}
