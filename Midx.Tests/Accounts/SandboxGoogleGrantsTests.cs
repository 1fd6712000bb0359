using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Sandbox.Google;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

public sealed class SandboxGoogleGrantsTests
{
    private static readonly SandboxGoogleIdentity Ada = SandboxGoogleIdentity.TestIdentities[0];

    private static readonly SandboxGoogleAuthorizeRequest Request = new(
        "client", "http://127.0.0.1/cb", "code", "openid email profile", "state", "challenge", "S256", null, null, null);

    private readonly FakeTimeProvider _clock = TestClock.Create();

    private SandboxGoogleGrants Grants() =>
        new(_clock, Options.Create(new SandboxGoogleOptions { CodeLifetimeSeconds = 120 }));

    [Fact]
    public void Redeem_WithinLifetime_ReturnsGrantOnce()
    {
        var grants = Grants();
        var code = grants.IssueCode(Request, Ada);
        _clock.Advance(TimeSpan.FromSeconds(119));

        var first = grants.Redeem(code);
        var second = grants.Redeem(code);

        Assert.Equal(Ada, first?.Identity);
        Assert.Equal("challenge", first?.CodeChallenge);
        Assert.Null(second);
    }

    [Fact]
    public void Redeem_AfterLifetime_ReturnsNothing()
    {
        var grants = Grants();
        var code = grants.IssueCode(Request, Ada);
        _clock.Advance(TimeSpan.FromSeconds(121));

        Assert.Null(grants.Redeem(code));
    }

    [Fact]
    public void FindAccessToken_AfterAnHour_ReturnsNothing()
    {
        var grants = Grants();
        var token = grants.IssueAccessToken(Ada, "openid email profile");

        Assert.Equal(Ada, grants.FindAccessToken(token)?.Identity);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(grants.FindAccessToken(token));
    }

    [Fact]
    public void SubjectFor_SameEmailAnyCase_IsTheSameTwentyOneDigitId()
    {
        var subject = SandboxGoogleIdentity.SubjectFor("Ada@Sandbox.Midx.Test ");

        Assert.Equal(SandboxGoogleIdentity.SubjectFor("ada@sandbox.midx.test"), subject);
        Assert.Matches("^1[0-9]{20}$", subject);
        Assert.NotEqual(SandboxGoogleIdentity.SubjectFor("grace@sandbox.midx.test"), subject);
    }
}
