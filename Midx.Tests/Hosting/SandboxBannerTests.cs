using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

public sealed class SandboxBannerTests
{
    [Fact]
    public async Task AnyPage_InSandboxMode_ShowsSandboxBanner()
    {
        using var app = new MidxAppFactory();

        var html = await app.CreateHttpClient().GetStringAsync("/");

        Assert.Contains("midx-sandbox-banner", html);
        Assert.Contains("Nothing you do here reaches the real services", html);
    }

    [Fact]
    public async Task AnyPage_WithSandboxOff_ShowsNoBannerAndMountsNoStandIns()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:Sandbox"] = "false" });
        var client = app.CreateHttpClient();

        var html = await client.GetStringAsync("/");
        var sandbox = await client.GetAsync("/sandbox/");

        Assert.DoesNotContain("midx-sandbox-banner", html);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, sandbox.StatusCode);
    }
}
