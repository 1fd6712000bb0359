using Midx.App.Accounts;

namespace Midx.Tests.Accounts;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/history?page=2", "/history?page=2")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("history", "/")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void OrHome_AnyInput_KeepsOnlyPathsOnThisSite(string? url, string expected) =>
        Assert.Equal(expected, ReturnUrl.OrHome(url));

    [Theory]
    [InlineData(SignInFailureReason.UnverifiedEmail, "unverified-email")]
    [InlineData(SignInFailureReason.NotConfigured, "not-configured")]
    [InlineData(SignInFailureReason.Denied, "denied")]
    public void ReasonName_EachReason_RoundTripsThroughTheErrorPageQuery(SignInFailureReason reason, string name)
    {
        Assert.Equal(name, SignInLinks.ReasonName(reason));
        Assert.Equal(reason, SignInLinks.ParseReason(name));
    }

    [Fact]
    public void ErrorLink_WithForeignReturnUrl_DropsIt() =>
        Assert.Equal("/signin/error?reason=denied", SignInLinks.For(SignInFailureReason.Denied, "//evil.example"));
}
