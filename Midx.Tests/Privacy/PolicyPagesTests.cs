using AngleSharp.Html.Parser;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

public sealed class PolicyPagesTests : IClassFixture<PolicyPagesTests.App>
{
    private readonly HttpClient _client;

    public PolicyPagesTests(App app) => _client = app.Factory.CreateHttpClient();

    public sealed class App : IDisposable
    {
        public MidxAppFactory Factory { get; } = new(new Dictionary<string, string?>
        {
            ["Midx:OperatorName"] = "Northwind Media GmbH",
            ["Midx:ContactEmail"] = "data@northwind.test",
            ["Midx:Retention:AuditDays"] = "30",
            ["Midx:Retention:MediaHours"] = "12",
        });

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task PrivacyPage_StatesEveryPromiseWithConfiguredValues()
    {
        var document = new HtmlParser().ParseDocument(await _client.GetStringAsync("/privacy"));
        var text = document.Body!.TextContent;
        var retention = new RetentionOptions { AuditDays = 30, MediaHours = 12 };

        foreach (var promise in PrivacyPromises.DataHeld(retention).Concat(PrivacyPromises.HowUsed(retention, inboxDraftsOnly: false)))
        {
            var item = document.GetElementById($"promise-{promise.Number}");
            Assert.NotNull(item);
            Assert.Contains(promise.Text, item.TextContent);
        }

        Assert.Equal(13, document.QuerySelectorAll(".midx-promises li").Length);
        Assert.Contains("Northwind Media GmbH", text);
        Assert.Contains("data@northwind.test", text);
        Assert.Contains("at most 30 days", text);
        Assert.Contains("after 12 hours", text);
        Assert.DoesNotContain(PostingBoundary.InboxDraftsOnly, text);
    }

    [Fact]
    public async Task PublicPages_InboxDraftsOnlyInstallation_SayVideosGoOnlyAsDraftsAndNeverOfferDirectPost()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["TikTok:InboxDraftsOnly"] = "true" });
        using var client = app.CreateHttpClient();

        var privacy = new HtmlParser().ParseDocument(await client.GetStringAsync("/privacy"));
        var terms = new HtmlParser().ParseDocument(await client.GetStringAsync("/terms")).Body!.TextContent;
        var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/")).Body!.TextContent;

        Assert.Contains(PostingBoundary.InboxDraftsOnly, privacy.GetElementById("promise-5")!.TextContent);
        Assert.Contains(PostingBoundary.InboxDraftsOnly, terms);
        foreach (var page in new[] { terms, home })
        {
            Assert.Contains(PostingBoundary.HowSent(inboxDraftsOnly: true), page);
            Assert.DoesNotContain("Direct Post", page.Replace(PostingBoundary.InboxDraftsOnly, ""));
        }
    }

    [Fact]
    public async Task DataDeletionPage_ExplainsSelfServiceAndUsesConfiguredRetention()
    {
        var text = new HtmlParser().ParseDocument(await _client.GetStringAsync("/data-deletion")).Body!.TextContent;

        Assert.Contains("Delete my account", text);
        Assert.Contains("Disconnect", text);
        Assert.Contains("after 12 hours", text);
        Assert.Contains("after 30 days", text);
        Assert.Contains("data@northwind.test", text);
    }

    [Fact]
    public async Task TermsPage_NamesOperatorAndContact()
    {
        var text = new HtmlParser().ParseDocument(await _client.GetStringAsync("/terms")).Body!.TextContent;

        Assert.Contains("run by Northwind Media GmbH", text);
        Assert.Contains("data@northwind.test", text);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    [InlineData("/data-deletion")]
    [InlineData("/no-such-page")]
    public async Task AnyPage_FooterLinksToAllThreePolicies(string path)
    {
        var response = await _client.GetAsync(path);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var links = document.QuerySelectorAll("footer nav[aria-label=Policies] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/privacy", "/terms", "/data-deletion"], links);
    }
}
