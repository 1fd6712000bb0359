using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class OAuthRulesTests
{
    private static readonly DateTimeOffset T0 = SandboxTime.Start;
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private static readonly AuthorizationCodeGrant Grant =
        new(TikTokFixtures.ClientKey, "http://127.0.0.1/tiktok/callback", TikTokFixtures.Public.OpenId, ["user.info.basic"], null);

    [Fact]
    public void Issue_AuthorizationCode_LooksLikeTikToksWithStarAndBang()
    {
        var code = new AuthorizationCodeStore().Issue(Grant, T0, TimeSpan.FromMinutes(10));

        Assert.Contains('*', code);
        Assert.Contains('!', code);
    }

    [Fact]
    public void Redeem_SecondTime_ReturnsNothing()
    {
        var store = new AuthorizationCodeStore();
        var code = store.Issue(Grant, T0, TimeSpan.FromMinutes(10));

        Assert.Equal(Grant, store.Redeem(code, T0));
        Assert.Null(store.Redeem(code, T0));
    }

    [Fact]
    public void Redeem_AfterTtl_ReturnsNothing()
    {
        var store = new AuthorizationCodeStore();
        var code = store.Issue(Grant, T0, TimeSpan.FromMinutes(10));

        Assert.Null(store.Redeem(code, T0.AddMinutes(10)));
    }

    [Fact]
    public void FindAccess_BeforeAndAfterExpiry_ValidThenInvalid()
    {
        var store = new TokenStore();
        var tokens = store.Issue("open", ["video.publish"], Day, Year, T0);

        Assert.Equal("open", store.FindAccess(tokens.AccessToken, T0.AddHours(23))?.OpenId);
        Assert.Null(store.FindAccess(tokens.AccessToken, T0.Add(Day)));
        Assert.Equal((86_400L, 31_536_000L), (tokens.ExpiresIn, tokens.RefreshExpiresIn));
        Assert.StartsWith("act.", tokens.AccessToken);
        Assert.StartsWith("rft.", tokens.RefreshToken);
    }

    [Fact]
    public void Refresh_WithRotationAndInvalidation_OldRefreshTokenStopsWorking()
    {
        var store = new TokenStore();
        var first = store.Issue("open", ["video.publish", "user.info.basic"], Day, Year, T0);

        var second = store.Refresh(first.RefreshToken, Day, Year, rotate: true, invalidatePrevious: true, T0.AddHours(1));
        var reused = store.Refresh(first.RefreshToken, Day, Year, rotate: true, invalidatePrevious: true, T0.AddHours(2));

        Assert.NotNull(second);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(("open", first.Scopes), (second.OpenId, second.Scopes));
        Assert.Null(reused);
        Assert.NotNull(store.Refresh(second.RefreshToken, Day, Year, true, true, T0.AddHours(2)));
    }

    [Fact]
    public void Refresh_WithRotationWithoutInvalidation_BothRefreshTokensWork()
    {
        var store = new TokenStore();
        var first = store.Issue("open", ["video.publish"], Day, Year, T0);

        var second = store.Refresh(first.RefreshToken, Day, Year, rotate: true, invalidatePrevious: false, T0);
        var again = store.Refresh(first.RefreshToken, Day, Year, rotate: true, invalidatePrevious: false, T0);

        Assert.NotEqual(first.RefreshToken, second!.RefreshToken);
        Assert.NotNull(again);
    }

    [Fact]
    public void Refresh_WithoutRotation_ReturnsTheSameRefreshTokenAndItsRemainingLife()
    {
        var store = new TokenStore();
        var first = store.Issue("open", ["video.publish"], Day, Year, T0);

        var second = store.Refresh(first.RefreshToken, Day, Year, rotate: false, invalidatePrevious: true, T0.AddDays(5));

        Assert.Equal(first.RefreshToken, second!.RefreshToken);
        Assert.Equal((long)(Year - TimeSpan.FromDays(5)).TotalSeconds, second.RefreshExpiresIn);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
    }

    [Fact]
    public void Refresh_ExpiredRefreshToken_IsRefused()
    {
        var store = new TokenStore();
        var first = store.Issue("open", ["video.publish"], TimeSpan.FromHours(2), TimeSpan.FromDays(180), T0);

        Assert.Null(store.Refresh(first.RefreshToken, Day, Year, true, true, T0.AddDays(180)));
    }

    [Fact]
    public void Revoke_KillsTheWholeFamily_AccessAndRefresh()
    {
        var store = new TokenStore();
        var first = store.Issue("open", ["video.publish"], Day, Year, T0);
        var second = store.Refresh(first.RefreshToken, Day, Year, true, false, T0)!;

        Assert.True(store.Revoke(second.AccessToken, T0));

        Assert.Null(store.FindAccess(first.AccessToken, T0));
        Assert.Null(store.FindAccess(second.AccessToken, T0));
        Assert.Null(store.Refresh(second.RefreshToken, Day, Year, true, true, T0));
        Assert.False(store.Revoke(second.AccessToken, T0));
    }

    [Fact]
    public void Revoke_ExpiredAccessToken_IsRefused()
    {
        var store = new TokenStore();
        var tokens = store.Issue("open", ["video.publish"], Day, Year, T0);

        Assert.False(store.Revoke(tokens.AccessToken, T0.Add(Day)));
        Assert.NotNull(store.Refresh(tokens.RefreshToken, Day, Year, true, true, T0.Add(Day)));
    }

    [Fact]
    public void Matches_HexChallenge_AcceptedAndBase64UrlOnlyWithTheSwitch()
    {
        var verifier = new string('a', 20) + "-._~" + new string('Z', 40);
        var hex = PkceCheck.HexChallenge(verifier);
        var base64Url = PkceCheck.Base64UrlChallenge(verifier);

        Assert.Equal(64, hex.Length);
        Assert.Equal(hex.ToLowerInvariant(), hex);
        Assert.True(PkceCheck.Matches(hex, verifier, PkceMode.Optional));
        Assert.False(PkceCheck.Matches(base64Url, verifier, PkceMode.Optional));
        Assert.False(PkceCheck.Matches(base64Url, verifier, PkceMode.Required));
        Assert.True(PkceCheck.Matches(base64Url, verifier, PkceMode.AcceptBase64Url));
        Assert.False(PkceCheck.Matches(hex, verifier + "x", PkceMode.Optional));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(129)]
    public void Matches_VerifierOutsideAllowedLength_IsRefused(int length)
    {
        var verifier = new string('a', length);

        Assert.False(PkceCheck.Matches(PkceCheck.HexChallenge(verifier), verifier, PkceMode.Optional));
    }

    [Fact]
    public void TokenLifetimes_NewProfile_Is2HoursAnd180Days()
    {
        var lifetimes = new TikTokSandboxSwitches { TokenProfile = TokenProfile.New2h180d }.TokenLifetimes;

        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.FromDays(180)), lifetimes);
    }
}
