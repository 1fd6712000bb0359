using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Api;
using Midx.Core.Api;
using Midx.Core.Connect;
using Midx.Core.Webhooks;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;
using Midx.Tests.TikTok;
using Midx.Tests.Webhooks;

namespace Midx.Tests.Api;

/// <summary>
/// Issue #16's "done when", over real HTTP with nothing mocked: an integrator who knows only README.md's "The API",
/// README-connect.md and README-webhooks.md makes a connect link, an end user with no Midx account links their TikTok
/// account through hosted connect and the sandbox TikTok, the integrator uploads a video and posts it (Direct Post)
/// to that account, the real publish worker takes it to <c>published</c>, and a loopback receiver gets a signed,
/// verifiable <c>post.status_changed</c> for every state in the post's timeline and a <c>post.published</c>.
/// Only the Owner's set-up (key, API app, webhook endpoint) goes through the app's commands, as the workspace page would.
/// </summary>
public sealed class IntegratorJourneyTests : IAsyncLifetime
{
    private const string Api = "/api/v1";
    private const string RedirectUrl = "https://shop.example/tiktok/connected";
    private const string IntegratorState = "cart-7";
    private const string Consent = "By posting, you agree to TikTok's Music Usage Confirmation. [Post]";

    private static readonly HtmlParser Parser = new();

    private readonly DateTime _started = DateTime.UtcNow;
    private readonly MidxAppFactory _app;
    private readonly HttpClient _api;
    private WebhookReceiver _receiver = null!;
    private Guid _workspaceId;
    private Guid _appId;
    private string _key = "";
    private string _secret = "";

    public IntegratorJourneyTests()
    {
        _app = new MidxAppFactory(MidxAppFactory.QuickWorker(
            ("Midx:Webhooks:AllowPrivateAddresses", "true"),
            ("Midx:Webhooks:PollInterval", "00:00:00.200")));
        _api = new HttpClient { BaseAddress = _app.ServerAddress };
    }

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        using (await _app.SignInAsync("owner@sandbox.midx.test", "Shop Owner"))
        {
        }

        var ownerId = (await _app.UserByEmailAsync("owner@sandbox.midx.test")).Id;
        _workspaceId = ownerId;
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var key = await services.GetRequiredService<ApiKeyCommands>().CreateAsync(ownerId, _workspaceId, "Shop", ApiScope.Read | ApiScope.Publish | ApiScope.Connect, null, CancellationToken.None);
        Assert.True(key.Result.Succeeded, key.Result.Message);
        _key = key.Key!;

        var apps = services.GetRequiredService<ApiAppCommands>();
        var created = await apps.CreateAsync(ownerId, _workspaceId, "Shop Studio", CancellationToken.None);
        Assert.True(created.Succeeded, created.Message);
        _appId = await _app.QueryAsync(db => db.ApiApps.Where(a => a.WorkspaceId == _workspaceId).Select(a => a.Id).SingleAsync());
        var added = await apps.AddRedirectUrlAsync(ownerId, _workspaceId, _appId, RedirectUrl, CancellationToken.None);
        Assert.True(added.Succeeded, added.Message);

        var every = Enum.GetValues<WebhookEventTypes>().Aggregate((a, b) => a | b);
        var endpoint = await services.GetRequiredService<WebhookEndpointCommands>().CreateAsync(ownerId, _workspaceId, _receiver.Url, every, CancellationToken.None);
        Assert.True(endpoint.Result.Succeeded, endpoint.Result.Message);
        _secret = endpoint.Secret!;
        Assert.StartsWith("whsec_", _secret);
    }

    [Fact]
    public async Task Journey_FromTheReadmesAlone_ConnectsUploadsPublishesAndIsToldOfEveryStepSigned()
    {
        // README-connect: make a link.
        var link = await SendJsonAsync(HttpMethod.Post, "/connect-links", new { appId = _appId, redirectUrl = RedirectUrl, state = IntegratorState }, HttpStatusCode.Created);
        var linkId = link.GetProperty("id").GetGuid();
        var linkUrl = link.GetProperty("url").GetString()!;
        Assert.StartsWith(_app.ServerAddress + "connect/", linkUrl);
        Assert.True(link.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow);

        // The end user, with no Midx account: the hosted page, Continue to TikTok, approve, back to the integrator.
        var accountId = await ConnectAsAnEndUserAsync(linkUrl);

        var accounts = await SendJsonAsync(HttpMethod.Get, "/accounts", null, HttpStatusCode.OK);
        Assert.Contains(accounts.EnumerateArray(), a => a.GetProperty("id").GetGuid() == accountId && a.GetProperty("tokenState").GetString() == "active");
        var usedLink = await SendJsonAsync(HttpMethod.Get, $"/connect-links/{linkId}", null, HttpStatusCode.OK);
        Assert.Equal(("used", accountId, JsonValueKind.Null, _appId),
            (usedLink.GetProperty("status").GetString(), usedLink.GetProperty("accountId").GetGuid(), usedLink.GetProperty("error").ValueKind, usedLink.GetProperty("appId").GetGuid()));
        Assert.InRange(usedLink.GetProperty("usedAt").GetDateTime().ToUniversalTime(), _started.AddSeconds(-1), DateTime.UtcNow);

        // README "Uploading and posting": create the upload, PUT its bytes.
        var upload = await SendJsonAsync(HttpMethod.Post, "/uploads", new { fileName = "spring-drop.mp4" }, HttpStatusCode.Created);
        var uploadUrl = upload.GetProperty("uploadUrl").GetString()!;
        // The README's curl prefixes the origin: uploadUrl is a path on the app.
        Assert.StartsWith("/", uploadUrl);
        using (var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds)) })
        {
            put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
            using var stored = await _api.SendAsync(put);
            Assert.True(stored.IsSuccessStatusCode, $"PUT {uploadUrl} answered {(int)stored.StatusCode}: {await stored.Content.ReadAsStringAsync()}");
            Assert.Equal("ready", (await JsonAsync(stored)).GetProperty("state").GetString());
        }

        var creator = await SendJsonAsync(HttpMethod.Get, $"/accounts/{accountId}/creator-info", null, HttpStatusCode.OK);
        var offered = creator.GetProperty("privacyLevelOptions").EnumerateArray().Select(o => o.GetString()!).ToList();
        var privacy = offered.Contains("PUBLIC_TO_EVERYONE") ? "PUBLIC_TO_EVERYONE" : offered[0];

        var request = new
        {
            accountId,
            mode = "direct",
            uploadId = upload.GetProperty("id").GetGuid(),
            caption = "Spring drop #shop",
            privacyLevel = privacy,
            allowComment = !creator.GetProperty("commentDisabled").GetBoolean(),
            consentText = Consent,
        };
        var post = await SendJsonAsync(HttpMethod.Post, "/posts", request, HttpStatusCode.Created, idempotencyKey: "order-1001");
        var postId = post.GetProperty("id").GetGuid();
        // The README: the same Idempotency-Key again answers the post it made, with 200.
        var again = await SendJsonAsync(HttpMethod.Post, "/posts", request, HttpStatusCode.OK, idempotencyKey: "order-1001");
        Assert.Equal(postId, again.GetProperty("id").GetGuid());
        Assert.Equal(("direct", accountId), (post.GetProperty("mode").GetString(), post.GetProperty("accountId").GetGuid()));

        // The publish worker takes it through TikTok's states.
        var detail = await WaitForPostAsync(postId, "published");
        Assert.Equal(privacy, detail.GetProperty("post").GetProperty("privacyLevel").GetString());
        // The timeline may note a state twice (TikTok still processing); a note without a move is no event.
        var timeline = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("state").GetString()!).ToHashSet();
        Assert.Contains("queued", timeline);
        Assert.Contains("published", timeline);

        // README-webhooks: every step told, signed with the endpoint's secret.
        var received = await WaitForDeliveriesAsync(postId, timeline);
        foreach (var delivery in received)
        {
            Assert.True(WebhookReceiver.Verifies(_secret, delivery.Signature, delivery.Body, DateTimeOffset.UtcNow), $"{delivery.EventType}: {delivery.Signature}");
        }

        var events = received.Select(r => (Delivery: r, Body: JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.Equal(events.Count, events.Select(e => e.Delivery.EventId).Distinct().Count());
        foreach (var (delivery, body) in events)
        {
            Assert.Equal(delivery.EventId, body.GetProperty("id").GetGuid().ToString());
            Assert.Equal(delivery.EventType, body.GetProperty("type").GetString());
            Assert.Equal(_workspaceId, body.GetProperty("workspaceId").GetGuid());
            Assert.InRange(body.GetProperty("createdAt").GetDateTime().ToUniversalTime(), _started.AddSeconds(-1), DateTime.UtcNow);
            var data = body.GetProperty("data");
            Assert.Equal((postId, accountId), (data.GetProperty("postId").GetGuid(), data.GetProperty("accountId").GetGuid()));
        }

        var changes = events.Where(e => e.Delivery.EventType == "post.status_changed").Select(e => e.Body.GetProperty("data")).ToList();
        Assert.Equal(timeline.Order(), changes.Select(d => d.GetProperty("state").GetString()!).Order());
        Assert.Equal(JsonValueKind.Null, changes.Single(d => d.GetProperty("state").GetString() == "queued").GetProperty("previousState").ValueKind);
        var published = Assert.Single(events, e => e.Delivery.EventType == "post.published").Body.GetProperty("data");
        Assert.Equal("published", published.GetProperty("state").GetString());
        Assert.Equal(["post.published", "post.status_changed"], events.Select(e => e.Delivery.EventType).Distinct().Order());
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    /// <summary>
    /// Someone without a Midx session opens the link, presses Continue to TikTok, approves at the sandbox TikTok and is
    /// sent to the integrator's redirect URL; returns the <c>account_id</c> it carries, after checking the <c>state</c>.
    /// </summary>
    private async Task<Guid> ConnectAsAnEndUserAsync(string linkUrl)
    {
        using var person = new SignInFlow(_app);
        using var opened = await person.Client.GetAsync(linkUrl);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.OK, $"GET {linkUrl} answered {(int)opened.StatusCode}: {html}");
        var page = await Parser.ParseDocumentAsync(html);
        Assert.Contains("Shop Studio", page.QuerySelector("h1")!.TextContent);

        using var continued = await person.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[data-connect-continue]")!, []);
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        var callback = await new TikTokLinkJourney(person).ConsentAsync(new Uri(person.BaseAddress, continued.Headers.Location!));
        using var back = await person.Client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        var landed = back.Headers.Location!;
        Assert.Equal(RedirectUrl, landed.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(landed.Query);
        Assert.Equal(IntegratorState, query["state"]);
        return Guid.Parse(query["account_id"]!);
    }

    private async Task<JsonElement> WaitForPostAsync(Guid postId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var detail = await SendJsonAsync(HttpMethod.Get, $"/posts/{postId}", null, HttpStatusCode.OK);
            var now = detail.GetProperty("post").GetProperty("state").GetString();
            if (now == state)
            {
                return detail;
            }

            Assert.True(now is not ("failed" or "cancelled") && DateTime.UtcNow < deadline, $"The post is {now}, not {state}: {detail}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the receiver has this post's post.published and a post.status_changed for each of <paramref name="states"/>.</summary>
    private async Task<List<WebhookReceiver.Received>> WaitForDeliveriesAsync(Guid postId, IReadOnlySet<string> states)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var received = _receiver.Requests.ToList();
            var changed = received.Where(r => r.EventType == "post.status_changed")
                .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("state").GetString()!).ToHashSet();
            if ((received.Any(r => r.EventType == "post.published") && changed.IsSupersetOf(states)) || DateTime.UtcNow >= deadline)
            {
                // A little longer, so a late or duplicate delivery shows up in the assertions rather than after them.
                await Task.Delay(500);
                return _receiver.Requests.ToList();
            }

            await Task.Delay(100);
        }
    }

    private async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, Api + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await _api.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
