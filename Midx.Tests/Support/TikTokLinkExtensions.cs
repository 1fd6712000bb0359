using System.Net;
using System.Net.Http.Json;
using Midx.App.TikTok;

namespace Midx.Tests.Support;

/// <summary>
/// Links a sandbox TikTok creator to a signed-in client over real HTTP: Midx's link endpoint, the sandbox's authorize
/// page (told by its test control to approve as <paramref name="creatorKey"/>), and Midx's callback.
/// <code>var accountId = await grace.LinkTikTokAsync("public");</code>
/// </summary>
public static class TikTokLinkExtensions
{
    public static async Task<Guid> LinkTikTokAsync(
        this HttpClient client, string creatorKey, string[]? scopes = null, CancellationToken cancellationToken = default)
    {
        var consent = await client.PostAsJsonAsync(
            "/sandbox/tiktok/__test/consent", new { decision = "Approve", creatorKey, scopes }, cancellationToken);
        consent.EnsureSuccessStatusCode();

        var start = await client.PostFormAsync("/accounts", await LinkActionAsync(client));
        var authorize = await client.GetAsync(RedirectOf(start), cancellationToken);
        var callback = await client.GetAsync(RedirectOf(authorize), cancellationToken);
        var landing = RedirectOf(callback);

        var anchor = "#" + AccountsPage.AnchorPrefix;
        if (!landing.Fragment.StartsWith(anchor, StringComparison.Ordinal) || !Guid.TryParse(landing.Fragment[anchor.Length..], out var accountId))
        {
            throw new InvalidOperationException($"Linking {creatorKey} failed; Midx sent the browser to {landing.PathAndQuery}.");
        }

        return accountId;
    }

    /// <summary>Where the accounts page's "Link" form posts: the link endpoint for the workspace the page shows.</summary>
    public static async Task<string> LinkActionAsync(this HttpClient client) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/accounts"))
            .QuerySelector("form[data-link-tiktok]")?.GetAttribute("action")
        ?? throw new InvalidOperationException("The accounts page offers no way to link a TikTok account.");

    private static Uri RedirectOf(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            ? new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!)
            : throw new InvalidOperationException($"Expected a redirect from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}.");
}
