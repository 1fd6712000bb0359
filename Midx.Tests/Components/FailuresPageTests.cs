using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Core.Publishing;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>The admin console's failures on the circuit: groups by cause as a chart and a table, and a new failure joining its group live.</summary>
public sealed class FailuresPageTests : LivePageTestContext
{
    public FailuresPageTests() => Context.Services.AddScoped<FailureGroupsQuery>();

    [Fact]
    public async Task NewFailure_WhileTheConsoleIsOpen_JoinsItsGroupWithoutReload()
    {
        var admin = await AddUserAsync("admin@midx.test", "Ada", isAdmin: true);
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var account = await AddAccountAsync(avery.Id, "harbour");
        await AddJobAsync(avery.Id, account.Id, JobState.Failed, j => (j.ErrorCode, j.CompletedAt) = ("spam_risk_text", UtcNow.AddHours(-2)));
        await SignInLiveAsync(admin);
        var page = Render<FailuresPage>();
        page.WaitForAssertion(() => Assert.Equal("connected", page.Find("[data-live-status]").GetAttribute("data-state")));
        Assert.Equal("1", Text(page.Find("[data-failure-code=spam_risk_text] ~ [data-count-week]")));
        Assert.NotNull(page.Find("[data-failure-chart] svg"));

        var failed = await AddJobAsync(avery.Id, account.Id, JobState.Failed, j => (j.ErrorCode, j.CompletedAt) = ("spam_risk_text", UtcNow));
        await Bus.PublishAsync(new JobUpdate(failed.Id, avery.Id, JobState.Failed, JobStateMachine.Label(JobState.Failed), true, null, 0, 0,
            "TikTok judged the caption to be spam.", "spam_risk_text", null, null, UtcNow), CancellationToken.None);
        // The figures follow within the console's refresh interval (the test's clock moves on while it waits).
        var clock = (FakeTimeProvider)Context.Services.GetRequiredService<TimeProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Text(page.Find("[data-failure-code=spam_risk_text] ~ [data-count-week]")) != "2" && DateTime.UtcNow < deadline)
        {
            clock.Advance(OverviewPage.RefreshInterval);
            await Task.Delay(50);
        }

        Assert.Equal("2", Text(page.Find("[data-failure-code=spam_risk_text] ~ [data-count-week]")));
    }
}
