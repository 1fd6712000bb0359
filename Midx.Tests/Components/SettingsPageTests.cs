using AngleSharp.Dom;
using Bunit;
using Midx.App.Privacy;
using Midx.Core.TikTok;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

public sealed class SettingsPageTests : PageTestContext
{
    [Fact]
    public async Task Render_SignedIn_ShowsTheirProfileNameAndEmail()
    {
        SignIn(await AddUserAsync("avery@midx.test", "Avery Creator"));

        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Equal("Avery Creator", Text(page.Find("[data-profile-name]"))));
        Assert.Equal("avery@midx.test", Text(page.Find("[data-profile-email]")));
    }

    [Fact]
    public async Task Render_LinkedAccounts_ListsThemAndMarksTheOneThatNeedsReconnect()
    {
        var avery = await AddUserAsync("avery@midx.test", "Avery Creator");
        await AddAccountAsync(avery.Id, "harbour");
        await AddAccountAsync(avery.Id, "dusk", a =>
        {
            a.ConnectedAt = UtcNow.AddHours(-1);
            a.TokenState = TokenState.NeedsReconnect;
            a.TokenProblem = "TikTok says this sign-in was revoked.";
        });
        SignIn(avery);

        var page = Render<SettingsPage>();

        var accounts = page.WaitForElements(".midx-settings-accounts li");
        Assert.Equal(2, accounts.Count);
        Assert.StartsWith("HARBOUR @harbour · connected", Text(accounts[0]));
        Assert.Empty(accounts[0].QuerySelectorAll(".mud-chip"));
        Assert.StartsWith("DUSK @dusk · connected", Text(accounts[1]));
        Assert.Equal("Needs reconnect", Text(accounts[1].QuerySelector(".mud-chip")));
    }

    [Fact]
    public async Task Render_NoAccountLinked_SaysSoWithALinkToTheAccountsPage()
    {
        SignIn(await AddUserAsync("avery@midx.test", "Avery Creator"));

        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("No TikTok account is linked. Link one to start posting.", Text(page.Find("[aria-labelledby=accounts-heading]"))));
        Assert.Equal("/accounts", page.FindAll("[aria-labelledby=accounts-heading] a").Single(a => Text(a) == "Link one").GetAttribute("href"));
        Assert.Empty(page.FindAll(".midx-settings-accounts"));
    }

    [Fact]
    public async Task Render_SignedIn_DownloadMyDataLinksToTheExport()
    {
        SignIn(await AddUserAsync("avery@midx.test", "Avery Creator"));

        var page = Render<SettingsPage>();

        var download = page.WaitForElements("a").Single(a => Text(a) == "Download my data");
        Assert.Equal(PrivacyEndpoints.ExportPath, download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));
    }

    [Fact]
    public async Task ClickDeleteMyAccount_OpensTheDeleteDialogForTheirEmail()
    {
        SignIn(await AddUserAsync("avery@midx.test", "Avery Creator"));
        var providers = RenderMudProviders();
        var page = Render<SettingsPage>();
        var delete = page.WaitForElements("button").Single(b => Text(b) == "Delete my account…");
        Assert.Empty(providers.FindAll(".mud-dialog"));

        delete.Click();

        var dialog = providers.WaitForElement(".mud-dialog");
        Assert.Equal("Delete your Midx account", Text(dialog.QuerySelector(".mud-dialog-title")));
        Assert.Contains("Type your email address, avery@midx.test, to confirm", Text(dialog.QuerySelector("label")));
        Assert.Equal(PrivacyEndpoints.DeletePath, dialog.QuerySelector("form")?.GetAttribute("action"));
    }
}
