using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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

    [Fact]
    public async Task SessionEndpoint_AskedAfterHalfTheSessionLifetime_RenewsTheSlidingSessionPastItsFirstExpiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = TwoDaySessions(clock);
        using var flow = await app.SignInFlowAsync("grace@sandbox.midx.test");
        var firstExpiry = flow.SessionCookie!.Expires;

        // A person working on the circuit for a day and a half: their clicks make js/session.js ask this endpoint.
        clock.Advance(TimeSpan.FromHours(36));
        using var renewed = await flow.Client.GetAsync(AccountEndpoints.SessionPath);
        clock.Advance(TimeSpan.FromHours(24));
        using var later = await flow.Client.GetAsync(AccountEndpoints.SessionPath);

        Assert.Equal(HttpStatusCode.NoContent, renewed.StatusCode);
        Assert.True(renewed.Headers.Contains("Set-Cookie"), "The sliding session was not renewed.");
        Assert.True(flow.SessionCookie!.Expires > firstExpiry);
        // Two and a half days after sign-in, past the first cookie's two-day life: still signed in.
        Assert.Equal(HttpStatusCode.NoContent, later.StatusCode);
    }

    [Fact]
    public async Task SessionEndpoint_NobodyAskedForLongerThanTheSession_EndsTheSession()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = TwoDaySessions(clock);
        using var flow = await app.SignInFlowAsync("grace@sandbox.midx.test");

        clock.Advance(TimeSpan.FromHours(49));
        using var expired = await flow.Client.GetAsync(AccountEndpoints.SessionPath);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    /// <summary>An app whose sign-ins last two days, on a clock the test moves.</summary>
    private static MidxAppFactory TwoDaySessions(TimeProvider clock) =>
        new(new Dictionary<string, string?> { ["Midx:Session:Days"] = "2" }, services: s => s.AddSingleton(clock));

    public void Dispose() => _app.Dispose();
}
