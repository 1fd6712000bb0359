using Microsoft.Extensions.Time.Testing;
using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class TikTokSandboxClockTests
{
    [Fact]
    public void Advance_MovesOnlyTheSandboxClockOnTopOfTheAppsTime()
    {
        var appTime = new FakeTimeProvider(SandboxTime.Start);
        var clock = new TikTokSandboxClock(appTime);

        clock.Advance(TimeSpan.FromHours(2));
        appTime.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(SandboxTime.Start.AddHours(2).AddMinutes(1), clock.GetUtcNow());
        Assert.Equal(SandboxTime.Start.AddMinutes(1), appTime.GetUtcNow());
    }

    [Fact]
    public void Reset_ReturnsToTheAppsTime()
    {
        var clock = new TikTokSandboxClock(new FakeTimeProvider(SandboxTime.Start));
        clock.Advance(TimeSpan.FromDays(1));

        clock.Reset();

        Assert.Equal(SandboxTime.Start, clock.GetUtcNow());
    }

    [Fact]
    public void Advance_Backwards_IsRefused()
    {
        var clock = new TikTokSandboxClock(new FakeTimeProvider(SandboxTime.Start));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Reset_SandboxState_ForgetsTokensPublishesAndSwitches()
    {
        var sandbox = new TikTokSandbox(new FakeTimeProvider(SandboxTime.Start), "secret");
        var tokens = sandbox.IssueTokens(TikTokFixtures.Public, [TikTokScopes.VideoPublish]);
        sandbox.Switches = sandbox.Switches with { Audited = false };
        sandbox.Clock.Advance(TimeSpan.FromHours(1));

        sandbox.Reset();

        Assert.Null(sandbox.Tokens.FindAccess(tokens.AccessToken, sandbox.Now));
        Assert.True(sandbox.Switches.Audited);
        Assert.Equal(SandboxTime.Start, sandbox.Now);
    }
}
