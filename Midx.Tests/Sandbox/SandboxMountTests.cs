using System.Net;
using Midx.Tests.Support;

namespace Midx.Tests.Sandbox;

public sealed class SandboxMountTests
{
    [Fact]
    public async Task MapSandboxTikTok_WithSandboxOff_MountsNoTikTokEndpoints()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:Sandbox"] = "false" });
        var client = app.CreateHttpClient();

        // GETs and a PUT: Midx answers unknown form POSTs itself (Razor components), so they would not show the mapping.
        var authorize = await client.GetAsync("/sandbox/tiktok/v2/auth/authorize/?client_key=sandbox-client-key");
        var switches = await client.GetAsync("/sandbox/tiktok/__test/switches");
        var upload = await client.PutAsync("/sandbox/tiktok-upload/video/?upload_id=1&upload_token=x", new ByteArrayContent([1]));

        Assert.Equal(HttpStatusCode.NotFound, authorize.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, switches.StatusCode);
        // With the sandbox on, an unknown upload is also 404, but every sandbox TikTok answer carries x-tt-logid.
        Assert.Contains(upload.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.False(upload.Headers.Contains("x-tt-logid"));
    }
}
