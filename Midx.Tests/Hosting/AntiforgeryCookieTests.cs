using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

/// <summary>The antiforgery cookie travels only over HTTPS in Production, like the session cookie.</summary>
public sealed class AntiforgeryCookieTests
{
    [Fact]
    public async Task AntiforgeryCookie_InProductionOverHttps_IsSecure()
    {
        using var app = MidxAppFactory.ProductionWithSandbox();
        using var client = new HttpClient(app.TrustingThisServer(new HttpClientHandler { UseCookies = false })) { BaseAddress = app.ServerAddress };

        var page = await client.GetAsync("/signin");

        Assert.Equal(CookieSecurePolicy.Always, app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
        Assert.Contains("secure", AntiforgeryCookie(page).Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    [Fact]
    public async Task AntiforgeryCookie_InDevelopmentOverHttp_FollowsTheRequest()
    {
        using var app = new MidxAppFactory();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.ServerAddress };

        var page = await client.GetAsync("/signin");

        // Development serves plain HTTP on 127.0.0.1; a Secure cookie would never come back and every form would fail.
        Assert.Equal(CookieSecurePolicy.SameAsRequest, app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
        Assert.DoesNotContain("secure", AntiforgeryCookie(page).Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    private static string AntiforgeryCookie(HttpResponseMessage page) =>
        page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
}
