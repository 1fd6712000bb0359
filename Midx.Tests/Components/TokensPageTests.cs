using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Core.TikTok;
using Midx.Tests.Admin;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>The token health grid on the circuit: the problem filter and its counts, paging with a total, what each row says, the empty state.</summary>
public sealed class TokensPageTests : PageTestContext
{
    public TokensPageTests()
    {
        Context.Services.AddScoped<TokenHealthQuery>();
        Context.Services.AddScoped<TokenAttentionQuery>();
    }

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task ProblemFilter_EachButton_ListsOnlyItsAccountsWithItsCount()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        var reconnect = await AddAccountAsync(grace.Id, "reconnect", a => (a.TokenState, a.TokenProblem, a.NextRefreshAttemptAt) =
            (TokenState.NeedsReconnect, "TikTok refused the refresh token (invalid_grant).", null));
        var failing = await AddAccountAsync(grace.Id, "failing", a => a.RefreshFailures = 2);
        var expired = await AddAccountAsync(grace.Id, "expired", a => a.AccessTokenExpiresAt = UtcNow.AddMinutes(-10));
        await AddAccountAsync(grace.Id, "healthy");
        var page = Render<TokensPage>();
        page.WaitForAssertion(() => Assert.Equal([reconnect.Id, failing.Id, expired.Id], Rows(page)));
        Assert.Equal(["1", "1", "1"], page.FindAll("[data-token-count]").Select(Text));
        Assert.Equal("1–3 of 3 accounts", Text(page.Find("[data-token-total]")));

        foreach (var (issue, id) in new[] { (TokenIssue.NeedsReconnect, reconnect.Id), (TokenIssue.RefreshFailing, failing.Id), (TokenIssue.AccessExpired, expired.Id) })
        {
            var button = page.Find($"[data-token-filter={TokenIssues.QueryValue(issue)}]");
            Assert.Equal(TokensPage.Url(issue), button.GetAttribute("href"));
            Navigation.NavigateTo(button.GetAttribute("href")!);
            page.WaitForAssertion(() => Assert.Equal([id], Rows(page)));
            Assert.Equal("page", page.Find($"[data-token-filter={TokenIssues.QueryValue(issue)}]").GetAttribute("aria-current"));
            Assert.Equal(TokenIssues.Label(issue), Text(page.Find("[data-token-issue]")));
            Assert.Equal(AdminEndpoints.TokensExportPath + "?problem=" + TokenIssues.QueryValue(issue), page.Find("a[data-export-csv]").GetAttribute("href"));
        }

        Navigation.NavigateTo("/admin/tokens?problem=nonsense");
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Length));
    }

    [Fact]
    public async Task Row_FailingAndGivenUp_ShowsOwnerFailuresNextAttemptOrNoneAndTheProblem()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        var retrying = await AddAccountAsync(grace.Id, "retrying", a => (a.RefreshFailures, a.LastRefreshedAt) = (2, UtcNow.AddHours(-30)));
        var givenUp = await AddAccountAsync(grace.Id, "given.up", a => (a.TokenState, a.TokenProblem, a.NextRefreshAttemptAt) =
            (TokenState.NeedsReconnect, null, null));
        var page = Render<TokensPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Length));

        var row = Row(page, retrying.Id);
        Assert.Contains("@retrying", Text(row));
        Assert.Contains("RETRYING", Text(row));
        Assert.Equal("/admin/users/" + grace.Id, row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("grace@midx.test", Text(row.QuerySelector("a")));
        Assert.Equal("2", Text(row.QuerySelector("[data-token-failures]")));
        Assert.Equal(AdminText.Time(UtcNow.AddHours(2)), Text(row.QuerySelector("[data-token-next]")));
        Assert.Contains(AdminText.Time(UtcNow.AddHours(-30)), Text(row));
        Assert.Equal(TokenIssues.Explain(TokenIssue.RefreshFailing, 2), Text(row.QuerySelector("[data-token-problem]")));
        var stuck = Row(page, givenUp.Id);
        Assert.Equal(TokensPage.NoRefreshPlanned, Text(stuck.QuerySelector("[data-token-next]")));
        Assert.Equal(TokenIssues.Explain(TokenIssue.NeedsReconnect, 0), Text(stuck.QuerySelector("[data-token-problem]")));
    }

    [Fact]
    public async Task Paging_MoreThanAPage_SaysTheTotalAndThePageInTheAddressShowsTheRest()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        for (var i = 0; i < TokenAttentionQuery.PageSize + 3; i++)
        {
            await AddAccountAsync(grace.Id, $"failing{i:00}", a => a.RefreshFailures = i + 1);
        }

        var page = Render<TokensPage>();
        page.WaitForAssertion(() => Assert.Equal(TokenAttentionQuery.PageSize, Rows(page).Length));
        var first = Rows(page);
        Assert.Equal("1–50 of 53 accounts", Text(page.Find("[data-token-total]")));
        Assert.NotNull(page.Find("[data-token-pager] .mud-pagination"));

        Navigation.NavigateTo(TokensPage.Url(null, 1));

        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Length));
        Assert.Empty(first.Intersect(Rows(page)));
        Assert.Equal("51–53 of 53 accounts", Text(page.Find("[data-token-total]")));
        Assert.Contains("@failing00", Text(page.Find("[data-token-grid]")));
    }

    [Fact]
    public async Task Empty_EveryTokenHealthy_SaysSoAndAFilteredViewOffersEveryProblem()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        await AddAccountAsync(grace.Id, "healthy");
        var page = Render<TokensPage>();

        page.WaitForAssertion(() => Assert.Equal(TokensPage.Healthy, Text(page.Find("[data-tokens-empty]"))));

        Navigation.NavigateTo(TokensPage.Url(TokenIssue.RefreshFailing));
        page.WaitForAssertion(() => Assert.Contains("No linked account has this problem", Text(page.Find("[data-tokens-empty]"))));
        Assert.Equal("/admin/tokens", page.Find("[data-tokens-empty] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Grid_SeededTokens_NeverShowsATokenValue()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace");
        await AddAccountAsync(grace.Id, "reconnect", a =>
        {
            (a.TokenState, a.AccessTokenCipher, a.RefreshTokenCipher) = (TokenState.NeedsReconnect, ConsoleSeed.AccessCipher, ConsoleSeed.RefreshCipher);
        });
        await AddAccountAsync(grace.Id, "failing", a =>
        {
            (a.RefreshFailures, a.AccessTokenCipher, a.RefreshTokenCipher) = (1, ConsoleSeed.AccessCipher + "1", ConsoleSeed.RefreshCipher + "1");
        });
        var page = Render<TokensPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Length));

        Assert.All(ConsoleSeed.SecretValues, secret => Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<TokensPage> page, Guid id) =>
        page.FindAll("[data-token-row]").Single(r => r.GetAttribute("data-token-row") == id.ToString()).Closest("tr")!;

    private static Guid[] Rows(IRenderedComponent<TokensPage> page) =>
        page.FindAll("[data-token-row]").Select(r => Guid.Parse(r.GetAttribute("data-token-row")!)).ToArray();
}
