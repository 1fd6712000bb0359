using System.Net;
using System.Net.Http.Headers;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class UploadEndpointsTests : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Upload_SignedOut_IsSentToSignInAndNothingIsStored()
    {
        using var client = _app.CreateHttpClient();
        using var body = new ByteArrayContent(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds));
        body.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        using var response = await client.PostAsync("/publishing/uploads", body);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery);
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "media")) && Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "media"), "*", SearchOption.AllDirectories).Any());
    }

    public void Dispose() => _app.Dispose();
}
