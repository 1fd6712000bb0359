using AngleSharp.Dom;
using Bunit;
using Midx.App.TikTok;
using Midx.Core.Publishing;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

public sealed class AccountsPageTests : PageTestContext
{
    [Fact]
    public async Task Render_NoAccountLinked_ShowsTheEmptyStateWithALinkButton()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        SignIn(avery);

        var page = Render<AccountsPage>();

        var empty = page.WaitForElement("[data-accounts-empty]");
        Assert.Contains("No TikTok account linked yet", Text(empty));
        var form = empty.QuerySelector("form")!;
        Assert.Equal(("post", TikTokEndpoints.LinkUrl(avery.Id)), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("Link a TikTok account", Text(form.QuerySelector("button[type=submit]")));
        Assert.Empty(page.FindAll("[data-account]"));
    }

    [Fact]
    public async Task Render_TwoAccountsLinked_ShowsOneCardEachAndOffersToLinkAnother()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var first = await AddAccountAsync(avery.Id, "harbour");
        var second = await AddAccountAsync(avery.Id, "dusk", a => a.ConnectedAt = UtcNow.AddHours(-1));
        SignIn(avery);

        var page = Render<AccountsPage>();

        page.WaitForAssertion(() => Assert.Equal([first.Id.ToString(), second.Id.ToString()],
            page.FindAll("[data-account]").Select(c => c.GetAttribute("data-account"))));
        Assert.Equal(["@harbour", "@dusk"], page.FindAll("[data-account] [data-username]").Select(Text));
        Assert.Empty(page.FindAll("[data-accounts-empty]"));
        Assert.Contains("Link another TikTok account", page.FindAll($"form[action='{TikTokEndpoints.LinkUrl(avery.Id)}'] button").Select(Text));
    }

    [Fact]
    public async Task Render_SomeoneElsesAccount_IsNotShown()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var blake = await AddUserAsync("blake@midx.test", "Blake");
        await AddAccountAsync(blake.Id, "blakes");
        SignIn(avery);

        var page = Render<AccountsPage>();

        page.WaitForElement("[data-accounts-empty]");
        Assert.DoesNotContain("blakes", page.Markup);
    }

    [Fact]
    public async Task Render_AccountWithAScheduledPost_SaysDisconnectingCancelsIt()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        var account = await AddAccountAsync(avery.Id, "harbour");
        await AddJobAsync(avery.Id, account.Id, JobState.Scheduled);
        SignIn(avery);

        var page = Render<AccountsPage>();

        page.WaitForAssertion(() => Assert.Equal("Disconnecting cancels 1 post not yet sent to TikTok. Your post history is kept.",
            Text(page.Find($"[data-account='{account.Id}'] [data-disconnect-effect]"))));
    }

    [Fact]
    public async Task Render_TikTokNotConfigured_SaysSoAndOffersNoLink()
    {
        TikTokSettings.ClientKey = "";
        var avery = await AddUserAsync("avery@midx.test", "Avery");
        await AddAccountAsync(avery.Id, "harbour");
        SignIn(avery);

        var page = Render<AccountsPage>();

        Assert.Equal("Linking TikTok accounts isn't set up on this Midx server yet.", Text(page.Find(".mud-alert[role=status] .mud-alert-message")));
        Assert.Empty(page.FindAll("form[action='/tiktok/link']"));
        Assert.Empty(page.FindAll("[data-account]"));
        Assert.Empty(page.FindAll("[data-accounts-empty]"));
    }
}
