using System.Net;
using Midx.App.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

public sealed class SessionKeepAliveTests : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task SessionEndpoint_SignedIn_AnswersNoContentAndVisitor_Unauthorized()
    {
        using var grace = await _app.SignInAsync("grace@sandbox.midx.test");
        using var visitor = _app.CreateHttpClient();

        using var signedIn = await grace.GetAsync(AccountEndpoints.SessionPath);
        using var anonymous = await visitor.GetAsync(AccountEndpoints.SessionPath);

        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("no-store", signedIn.Headers.CacheControl?.ToString());
    }

    public void Dispose() => _app.Dispose();
}
