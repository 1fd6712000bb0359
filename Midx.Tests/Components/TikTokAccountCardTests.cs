using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.TikTok;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

public sealed class TikTokAccountCardTests : MudBlazorTestContext
{
    /// <summary>The scopes Midx asks for by default, which the card lists.</summary>
    private static readonly string[] AllScopes = new TikTokOptions().ScopeList.ToArray();

    /// <summary>The workspace the card is shown in, by its Owner (who may link and disconnect).</summary>
    private static readonly WorkspaceMembership Owner = new(Guid.CreateVersion7(), "Personal", IsPersonal: true, InboxDraftsOnly: false, WorkspaceRole.Owner);

    public TikTokAccountCardTests() => Context.Services.AddCascadingValue(_ => Owner);

    [Fact]
    public void Render_ActiveToken_SaysActiveAndWhenTheSignInRenews()
    {
        var card = RenderCard(Account() with { NextRefreshAt = UtcNow.AddHours(2).AddMinutes(5) });

        var health = card.Find("[data-token-health]");
        Assert.Equal("active", health.GetAttribute("data-token-health"));
        Assert.Equal("Active", Text(health.QuerySelector(".mud-chip")));
        Assert.Contains("Sign-in renews automatically in 2 h 5 min.", Text(health));
    }

    [Fact]
    public void Render_RenewalFailed_SaysActiveButRenewalDelayed()
    {
        var card = RenderCard(Account() with { RefreshFailures = 2, NextRefreshAt = UtcNow.AddMinutes(14).AddSeconds(10) });

        var health = card.Find("[data-token-health]");
        Assert.Equal("Active · renewal delayed", Text(health.QuerySelector(".mud-chip")));
        Assert.Contains("Midx tries again in 15 min;", Text(health));
        Assert.Empty(health.QuerySelectorAll("form"));
    }

    [Fact]
    public void Render_NeedsReconnect_ShowsTheProblemAndAReconnectFormToTheLinkEndpoint()
    {
        var card = RenderCard(Account() with { TokenState = TokenState.NeedsReconnect, TokenProblem = "TikTok says this sign-in was revoked." });

        var health = card.Find("[data-token-health]");
        Assert.Equal("Needs reconnect", Text(health.QuerySelector(".mud-chip")));
        Assert.Contains("TikTok says this sign-in was revoked.", Text(health));
        var form = health.QuerySelector("form")!;
        Assert.Equal(("post", TikTokEndpoints.LinkUrl(Owner.Id)), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("Reconnect", Text(form.QuerySelector("button[type=submit]")));
        Assert.Equal(AntiforgeryToken, form.QuerySelector($"input[name={AntiforgeryForms.TokenField}]")?.GetAttribute("value"));
    }

    [Fact]
    public void Render_SomeScopesNotGranted_MarksEachPermissionGrantedOrOff()
    {
        var card = RenderCard(Account(AllScopes.Except([TikTokScopes.VideoUpload, TikTokScopes.VideoList]).ToArray()));

        var granted = card.FindAll("[data-scope]").ToDictionary(li => li.GetAttribute("data-scope")!, li => li.GetAttribute("data-granted") ?? "");
        Assert.Equal(AllScopes.ToDictionary(s => s, s => s is TikTokScopes.VideoUpload or TikTokScopes.VideoList ? "false" : "true"), granted);
        var drafts = card.Find($"[data-scope='{TikTokScopes.VideoUpload}']");
        Assert.Equal("Drafts is off: this account did not grant video.upload, which Midx needs for sending videos as drafts to the TikTok inbox.",
            Text(drafts));
        Assert.Equal("video.upload", Text(drafts.QuerySelector("code")));
        Assert.DoesNotContain("is off", Text(card.Find($"[data-scope='{TikTokScopes.VideoPublish}']")));
    }

    [Fact]
    public void Render_ScopesMissingOnAnActiveToken_OffersReconnectWithAllPermissions()
    {
        var card = RenderCard(Account(AllScopes.Except([TikTokScopes.VideoList]).ToArray()));

        var offer = card.Find("[data-missing-scopes]");
        Assert.Contains("Reconnect and keep every permission ticked to switch it on.", Text(offer));
        var form = offer.QuerySelector("form")!;
        Assert.Equal(TikTokEndpoints.LinkUrl(Owner.Id), form.GetAttribute("action"));
        Assert.Equal("Reconnect with all permissions", Text(form.QuerySelector("button[type=submit]")));
    }

    [Fact]
    public void Render_ScopesMissingButTheTokenNeedsReconnect_OffersOnlyThePlainReconnect()
    {
        var card = RenderCard(Account(TikTokScopes.UserInfoBasic) with { TokenState = TokenState.NeedsReconnect, TokenProblem = "Expired." });

        Assert.Empty(card.FindAll("[data-missing-scopes]"));
        Assert.Equal(["Reconnect"], card.FindAll($"form[action='{TikTokEndpoints.LinkUrl(Owner.Id)}'] button").Select(Text));
    }

    [Fact]
    public void Render_AllScopesGranted_OffersNoReconnect()
    {
        var card = RenderCard(Account());

        Assert.All(card.FindAll("[data-scope]"), li => Assert.Equal("true", li.GetAttribute("data-granted")));
        Assert.Empty(card.FindAll("[data-missing-scopes]"));
        Assert.Empty(card.FindAll("form"));
    }

    [Fact]
    public void Render_UnfinishedPosts_SaysWhatDisconnectingWouldDoToThem()
    {
        var card = RenderCard(Account(), new DisconnectedPosts(Cancelled: 2, Sending: 0, Unfollowed: 1));

        Assert.Equal("Disconnecting cancels 2 posts not yet sent to TikTok and stops Midx following 1 post TikTok already has. Your post history is kept.",
            Text(card.Find("[data-disconnect-effect]")));
        Assert.False(card.Find("button[data-disconnect]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_NoUnfinishedPosts_SaysNothingBesideDisconnect()
    {
        var card = RenderCard(Account(), DisconnectedPosts.None);

        Assert.Empty(card.FindAll("[data-disconnect-effect]"));
        Assert.Equal("Disconnect @creator", Text(card.Find("button[data-disconnect]")));
    }

    [Fact]
    public void Render_PostBeingSent_DisablesDisconnectWithATooltipThatSaysWhy()
    {
        var providers = RenderMudProviders();
        var card = RenderCard(Account(), new DisconnectedPosts(Cancelled: 0, Sending: 1, Unfollowed: 0));

        Assert.Equal("1 post is being sent to TikTok right now: wait until TikTok has it, or cancel the upload, before disconnecting.",
            Text(card.Find("[data-disconnect-effect]")));
        var button = card.Find("button[data-disconnect]");
        Assert.True(button.HasAttribute("disabled"));
        card.Find(".mud-tooltip-root").PointerEnter();
        providers.WaitForAssertion(() => Assert.Contains(
            "A post is on its way to TikTok on this account. Disconnect once TikTok has it, or cancel its upload first.", providers.Markup));
    }

    [Fact]
    public void ClickDisconnect_OpensADialogWhoseFormPostsToTheAccountsDisconnectPath()
    {
        var providers = RenderMudProviders();
        var account = Account();
        var card = RenderCard(account, new DisconnectedPosts(Cancelled: 1, Sending: 0, Unfollowed: 0));
        Assert.Empty(providers.FindAll(".mud-dialog"));

        card.Find("button[data-disconnect]").Click();

        var dialog = providers.WaitForElement(".mud-dialog");
        Assert.Contains("Disconnect @creator?", Text(dialog.QuerySelector(".mud-dialog-title")));
        Assert.Contains("Midx revokes its access to @creator at TikTok and deletes the account's tokens here.", Text(dialog));
        Assert.Contains("Disconnecting cancels 1 post not yet sent to TikTok. Your post history is kept.", Text(dialog));
        var form = dialog.QuerySelector("form")!;
        Assert.Equal(("post", TikTokEndpoints.DisconnectPath(account.Id)), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("Disconnect @creator", Text(form.QuerySelector("button[type=submit]")));
        Assert.Equal(AntiforgeryToken, form.QuerySelector($"input[name={AntiforgeryForms.TokenField}]")?.GetAttribute("value"));
    }

    [Fact]
    public void ClickDisconnect_NoUnfinishedPosts_DialogSaysTheHistoryIsKept()
    {
        var providers = RenderMudProviders();
        var card = RenderCard(Account());

        card.Find("button[data-disconnect]").Click();

        Assert.Contains("Your post history is kept.", Text(providers.WaitForElement(".mud-dialog")));
    }

    [Fact]
    public void ClickKeepItLinked_ClosesTheDialog()
    {
        var providers = RenderMudProviders();
        var card = RenderCard(Account());
        card.Find("button[data-disconnect]").Click();
        var keep = providers.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => Text(b) == "Keep it linked");

        keep.Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
    }

    private IRenderedComponent<TikTokAccountCard> RenderCard(TikTokAccountSummary account, DisconnectedPosts? posts = null) =>
        Render<TikTokAccountCard>(p => p.Add(c => c.Account, account).Add(c => c.Posts, posts));

    private TikTokAccountSummary Account(params string[] granted)
    {
        var scopes = granted.Length == 0 ? AllScopes : granted;
        return new TikTokAccountSummary(Guid.NewGuid(), "Creator", "creator", null, UtcNow.AddDays(-3), UtcNow.AddHours(-1), TokenState.Active, null,
            UtcNow.AddHours(20), UtcNow.AddHours(2), 0, scopes, TikTokScopes.Missing(AllScopes, scopes));
    }
}
