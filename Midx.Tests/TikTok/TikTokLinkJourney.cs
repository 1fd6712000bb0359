using System.Net;
using System.Net.Http.Json;
using System.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Midx.App.Components.Shared;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>
/// A signed-in person linking TikTok over real HTTP, as a browser would: the accounts page's form, Midx's redirect to
/// the sandbox TikTok, the sandbox's consent (decided by its test hook), and TikTok's redirect back to Midx's callback.
/// </summary>
public sealed class TikTokLinkJourney(SignInFlow session)
{
    public const string Sandbox = "/sandbox/tiktok";

    private readonly Dictionary<IHtmlDocument, FlashNotice?> _notices = [];

    public SignInFlow Session => session;

    public HttpClient Client => session.Client;

    public static async Task<TikTokLinkJourney> SignInAsync(MidxAppFactory app, string email) =>
        new(await app.SignInFlowAsync(email));

    /// <summary>Presses "Link a TikTok account" on the accounts page; returns the TikTok authorize URL Midx redirected to.</summary>
    public async Task<Uri> StartAsync()
    {
        var page = await session.GetDocumentAsync("/accounts");
        var form = page.QuerySelector<IHtmlFormElement>("form[data-link-tiktok]") ?? throw new InvalidOperationException("No link form on /accounts.");
        using var response = await session.PostFormAsync(form, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(session.BaseAddress, response.Headers.Location!.ToString());
    }

    /// <summary>TikTok's answer to the authorize URL with the consent hook set; returns the callback URL it redirects to.</summary>
    public async Task<Uri> ConsentAsync(Uri authorize, string decision = "Approve", string creatorKey = "public", string[]? scopes = null)
    {
        (await Client.PostAsJsonAsync($"{Sandbox}/__test/consent", new { decision, creatorKey, scopes })).EnsureSuccessStatusCode();
        using var response = await Client.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Follows TikTok's redirect to Midx's callback; returns the accounts page URL (with its notice) Midx sends the browser to.</summary>
    public async Task<Uri> CallbackAsync(Uri callback)
    {
        using var response = await Client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(session.BaseAddress, response.Headers.Location!.ToString());
    }

    /// <summary>The whole link: start, consent, callback. Returns the landing URL.</summary>
    public async Task<Uri> LinkAsync(string creatorKey = "public", string[]? scopes = null) =>
        await CallbackAsync(await ConsentAsync(await StartAsync(), "Approve", creatorKey, scopes));

    /// <summary>Opens the accounts page (where a redirect landed), remembering the notice it shows (<see cref="NoticeOf"/>).</summary>
    public async Task<IHtmlDocument> AccountsAsync(Uri? landing = null)
    {
        var notice = session.App.PendingNotice(session.Cookies);
        var page = await session.GetDocumentAsync(landing?.PathAndQuery ?? "/accounts");
        _notices.Add(page, notice);
        return page;
    }

    /// <summary>The snackbar notice a page opened with <see cref="AccountsAsync"/> showed, or null.</summary>
    public FlashNotice? NoticeOf(IHtmlDocument page) => _notices.GetValueOrDefault(page);

    public static string? Code(Uri callback) => HttpUtility.ParseQueryString(callback.Query)["code"];
}
