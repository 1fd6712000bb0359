using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Midx.App.Api;
using Midx.App.Connect;
using Midx.Core.Accounts;
using Midx.Core.Api;
using Midx.Core.Connect;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Tests.Support;
using Midx.Tests.TikTok;

namespace Midx.Tests.Connect;

/// <summary>
/// Hosted connect over real HTTP: an integrator's key makes a link through the API, and someone with no Midx account opens
/// it, goes through the sandbox TikTok and comes back to the app's registered redirect URL with the linked account or an
/// error and the integrator's state; spent, expired and forged links end on Midx's own refusal pages.
/// </summary>
public sealed class ConnectFlowTests : IAsyncLifetime
{
    private const string RedirectUrl = "https://shop.example/tiktok/connected?from=midx";
    private const string IntegratorState = "session 42/ü&=";

    private static readonly HtmlParser Parser = new();

    private readonly FakeTimeProvider? _clock;
    private readonly MidxAppFactory _app;
    private readonly HttpClient _api;
    private Guid _ownerId;
    private Guid _appId;
    private string _connectKey = "";
    private string _readKey = "";

    public ConnectFlowTests() : this(null)
    {
    }

    private ConnectFlowTests(FakeTimeProvider? clock)
    {
        _clock = clock;
        _app = new MidxAppFactory(services: clock is null ? null : s => s.AddSingleton<TimeProvider>(clock));
        _api = new HttpClient { BaseAddress = _app.ServerAddress };
    }

    public async Task InitializeAsync()
    {
        _ownerId = await SeedPersonAsync("owner@example.test", "Shop Owner");
        _appId = await CreateAppAsync(_ownerId, "Shop Studio", RedirectUrl);
        _connectKey = await CreateKeyAsync(_ownerId, ApiScope.Connect);
        _readKey = await CreateKeyAsync(_ownerId, ApiScope.Read);
    }

    [Fact]
    public async Task CreateLink_WithAReadOnlyKey_Is403ScopeMissing()
    {
        using var response = await CreateLinkAsync(new { appId = _appId, redirectUrl = RedirectUrl, state = IntegratorState }, _readKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ErrorCatalog.ApiScopeMissing.Value, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateLink_UnregisteredOrMerelySimilarRedirectUrl_Is422AndMakesNoLink()
    {
        foreach (var url in new[] { "https://evil.example/steal", "https://shop.example/tiktok/connected", RedirectUrl + "&x=1" })
        {
            using var response = await CreateLinkAsync(new { appId = _appId, redirectUrl = url, state = IntegratorState });

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ErrorCatalog.ConnectRedirectUnregistered.Value, (await JsonAsync(response)).GetProperty("code").GetString());
        }

        Assert.Equal(0, await InDbAsync(db => db.ConnectLinks.CountAsync()));
    }

    [Fact]
    public async Task CreateLink_BadBodies_AreClearProblems()
    {
        using var notJson = await PostRawAsync("{ not json", "application/json");
        using var missingState = await CreateLinkAsync(new { appId = _appId, redirectUrl = RedirectUrl });
        using var longState = await CreateLinkAsync(new { appId = _appId, redirectUrl = RedirectUrl, state = new string('s', ConnectLink.MaxStateLength + 1) });
        using var unknownApp = await CreateLinkAsync(new { appId = Guid.NewGuid(), redirectUrl = RedirectUrl, state = IntegratorState });

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(ErrorCatalog.ApiInvalidBody.Value, (await JsonAsync(notJson)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missingState.StatusCode);
        Assert.StartsWith("state is missing", (await JsonAsync(missingState)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, longState.StatusCode);
        Assert.Contains("longer than 500", (await JsonAsync(longState)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownApp.StatusCode);
        Assert.Equal(ErrorCatalog.ConnectAppUnknown.Value, (await JsonAsync(unknownApp)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task HostedFlow_Approved_RedirectsWithTheAccountAndStateAndTheLinkIsUsed()
    {
        var (id, url) = await NewLinkAsync();
        using var person = new SignInFlow(_app);

        var page = await GetPageAsync(person, url, HttpStatusCode.OK);
        var back = await ThroughTikTokAsync(person, page, "Approve");

        Assert.Contains("Link your TikTok account to Shop Studio", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Shop Owner", page.QuerySelector("[data-connect-workspace]")!.TextContent);
        Assert.Contains("post videos to your TikTok account", page.QuerySelector("[data-connect-powers]")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/signin']"));
        Assert.StartsWith(RedirectUrl + "&account_id=", back.ToString());
        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.Equal(IntegratorState, query["state"]);
        var accountId = Guid.Parse(query["account_id"]!);
        var account = await InDbAsync(db => db.TikTokAccounts.SingleAsync(a => a.Id == accountId));
        Assert.Equal((_ownerId, (Guid?)null, "Shop Studio"), (account.WorkspaceId, account.UserId, account.LinkedThroughApp));

        using var status = await GetLinkAsync(id);
        var link = await JsonAsync(status);
        Assert.Equal("used", link.GetProperty("status").GetString());
        Assert.Equal(accountId, link.GetProperty("accountId").GetGuid());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("error").ValueKind);
        Assert.Contains(await InDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()), a => a == ConnectAuditActions.LinkUsed);
    }

    [Fact]
    public async Task HostedFlow_LinkOpenedAgainAfterUse_IsRefusedAndSendsNobodyAnywhere()
    {
        var (_, url) = await NewLinkAsync();
        using var person = new SignInFlow(_app);
        var page = await GetPageAsync(person, url, HttpStatusCode.OK);
        await ThroughTikTokAsync(person, page, "Approve");

        var again = await GetPageAsync(person, url, HttpStatusCode.Gone);
        using var restart = await person.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[data-connect-continue]")!, []);

        Assert.Equal(ErrorCatalog.ConnectLinkUsed.Value, again.QuerySelector("[data-connect-refused]")?.GetAttribute("data-connect-refused"));
        Assert.Contains(ErrorCatalog.ConnectLinkUsed.Told, again.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, restart.StatusCode);
        Assert.Equal(new Uri(url).AbsolutePath, restart.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HostedFlow_DeniedAtTikTok_RedirectsWithTheErrorAndLinksNothing()
    {
        var (id, url) = await NewLinkAsync();
        using var person = new SignInFlow(_app);

        var back = await ThroughTikTokAsync(person, await GetPageAsync(person, url, HttpStatusCode.OK), "Deny");

        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.Equal((ErrorCatalog.ConnectDeclined.Value, IntegratorState, null), (query["error"], query["state"], query["account_id"]));
        Assert.StartsWith(RedirectUrl + "&error=", back.ToString());
        Assert.Equal(0, await InDbAsync(db => db.TikTokAccounts.CountAsync()));
        using var status = await GetLinkAsync(id);
        Assert.Equal(ErrorCatalog.ConnectDeclined.Value, (await JsonAsync(status)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Callback_ForgedOrReplayedState_EndsOnARefusalPageNotAtTheApp()
    {
        var (_, url) = await NewLinkAsync();
        using var person = new SignInFlow(_app);
        var authorize = await ContinueAsync(person, await GetPageAsync(person, url, HttpStatusCode.OK));
        var callback = await new TikTokLinkJourney(person).ConsentAsync(authorize);
        var forged = new Uri(callback.ToString().Replace("state=", "state=forged", StringComparison.Ordinal));

        using var refused = await person.Client.GetAsync(forged);
        using var linked = await person.Client.GetAsync(callback);
        using var replayed = await person.Client.GetAsync(callback);

        Assert.Equal(ConnectRefusedPage.Url(ErrorCatalog.ConnectStateInvalid), refused.Headers.Location!.OriginalString);
        Assert.StartsWith(RedirectUrl, linked.Headers.Location!.ToString());
        Assert.Equal(ConnectRefusedPage.Url(ErrorCatalog.ConnectStateInvalid), replayed.Headers.Location!.OriginalString);
        var page = await GetPageAsync(person, refused.Headers.Location!.OriginalString, HttpStatusCode.OK);
        Assert.Contains(ErrorCatalog.ConnectStateInvalid.Told, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Callback_AMembersOwnStateWithoutTheirSession_SendsToSignInAndKeepsTheState()
    {
        var now = DateTime.UtcNow;
        await InDbAsync(db =>
        {
            db.OAuthLinkStates.Add(new Midx.Core.TikTok.OAuthLinkState
            {
                Id = "members-state", UserId = _ownerId, WorkspaceId = _ownerId, CodeVerifier = "verifier", CreatedAt = now, ExpiresAt = now.AddMinutes(10),
            });
            return db.SaveChangesAsync();
        });
        using var signedOut = new SignInFlow(_app);

        using var response = await signedOut.Client.GetAsync("/tiktok/callback?state=members-state&code=y");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        Assert.True(await InDbAsync(db => db.OAuthLinkStates.AnyAsync(s => s.Id == "members-state")));
    }

    [Fact]
    public async Task HostedFlow_RedirectUrlRemovedWhileAtTikTok_EndsOnARefusalPage()
    {
        var (_, url) = await NewLinkAsync();
        using var person = new SignInFlow(_app);
        var authorize = await ContinueAsync(person, await GetPageAsync(person, url, HttpStatusCode.OK));
        var callback = await new TikTokLinkJourney(person).ConsentAsync(authorize);
        await InScopeAsync(s => s.GetRequiredService<ApiAppCommands>().RemoveRedirectUrlAsync(_ownerId, _ownerId, _appId, RedirectUrl, CancellationToken.None));

        using var back = await person.Client.GetAsync(callback);

        Assert.Equal(ConnectRefusedPage.Url(ErrorCatalog.ConnectRedirectUnregistered), back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GetLink_WithAnotherWorkspacesKey_Is404()
    {
        var (id, _) = await NewLinkAsync();
        var otherId = await SeedPersonAsync("other@example.test", "Other Owner");
        var othersKey = await CreateKeyAsync(otherId, ApiScope.Connect);

        using var mine = await GetLinkAsync(id);
        using var theirs = await GetLinkAsync(id, othersKey);
        using var noScope = await GetLinkAsync(id, _readKey);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("pending", (await JsonAsync(mine)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
    }

    [Fact]
    public async Task HostedPage_UnknownToken_IsGoneWithAClearMessage()
    {
        using var person = new SignInFlow(_app);

        var page = await GetPageAsync(person, ConnectPage.Url("not-a-link"), HttpStatusCode.Gone);

        Assert.Equal(ErrorCatalog.ConnectLinkUnknown.Value, page.QuerySelector("[data-connect-refused]")?.GetAttribute("data-connect-refused"));
        Assert.Null(page.QuerySelector("a[href='/signin']"));
    }

    [Fact]
    public async Task HostedPage_AfterTheLinkExpired_IsRefused()
    {
        var clock = TestClock.Create();
        var test = new ConnectFlowTests(clock);
        await test.InitializeAsync();
        try
        {
            var (id, url) = await test.NewLinkAsync();
            using var person = new SignInFlow(test._app);
            var open = await GetPageAsync(person, url, HttpStatusCode.OK);

            clock.Advance(new ConnectOptions().LinkLifetime);
            var expired = await GetPageAsync(person, url, HttpStatusCode.Gone);
            using var start = await person.PostFormAsync(open.QuerySelector<IHtmlFormElement>("form[data-connect-continue]")!, []);

            Assert.Equal(ErrorCatalog.ConnectLinkExpired.Value, expired.QuerySelector("[data-connect-refused]")?.GetAttribute("data-connect-refused"));
            Assert.Equal(new Uri(url).AbsolutePath, start.Headers.Location!.OriginalString);
            using var status = await test.GetLinkAsync(id);
            Assert.Equal("expired", (await JsonAsync(status)).GetProperty("status").GetString());
        }
        finally
        {
            await test.DisposeAsync();
        }
    }

    [Fact]
    public async Task HostedFlow_TheLinksSecret_NeverReachesTheLog()
    {
        var (_, url) = await NewLinkAsync();
        using var person = new SignInFlow(_app);
        var page = await GetPageAsync(person, url, HttpStatusCode.OK);
        await ThroughTikTokAsync(person, page, "Approve");
        var secret = new Uri(url).Segments.Last();

        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        // The host logs request lines when its level allows: the link's secret is masked there as an invitation's is.
        Assert.Equal($"Request starting HTTP/1.1 GET http://127.0.0.1/connect/{Midx.Core.Privacy.SecretRedactor.Mask} - - -",
            new Midx.Core.Privacy.SecretRedactor().Redact($"Request starting HTTP/1.1 GET http://127.0.0.1/connect/{secret} - - -"));
    }

    private async Task<(Guid Id, string Url)> NewLinkAsync()
    {
        using var response = await CreateLinkAsync(new { appId = _appId, redirectUrl = RedirectUrl, state = IntegratorState });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = await JsonAsync(response);
        var url = link.GetProperty("url").GetString()!;
        Assert.StartsWith(_app.ServerAddress + "connect/", url);
        Assert.Equal(response.Headers.Location!.OriginalString, $"{ApiEndpoints.BasePath}/connect-links/{link.GetProperty("id").GetGuid()}");
        return (link.GetProperty("id").GetGuid(), url);
    }

    /// <summary>Presses "Continue to TikTok"; returns the sandbox TikTok's authorize URL Midx redirected to.</summary>
    private static async Task<Uri> ContinueAsync(SignInFlow person, IHtmlDocument page)
    {
        using var response = await person.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[data-connect-continue]")!, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(person.BaseAddress, response.Headers.Location!);
    }

    /// <summary>Continue, TikTok's consent, and the callback; returns where Midx sent the person in the end.</summary>
    private static async Task<Uri> ThroughTikTokAsync(SignInFlow person, IHtmlDocument page, string decision)
    {
        var callback = await new TikTokLinkJourney(person).ConsentAsync(await ContinueAsync(person, page), decision);
        using var response = await person.Client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private static async Task<IHtmlDocument> GetPageAsync(SignInFlow person, string url, HttpStatusCode expected)
    {
        using var response = await person.Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url} answered {(int)response.StatusCode}: {html}");
        return await Parser.ParseDocumentAsync(html);
    }

    private Task<HttpResponseMessage> CreateLinkAsync(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiEndpoints.BasePath + "/connect-links") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? _connectKey);
        return _api.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostRawAsync(string body, string mediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiEndpoints.BasePath + "/connect-links") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _connectKey);
        return _api.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetLinkAsync(Guid id, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiEndpoints.BasePath}/connect-links/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? _connectKey);
        return _api.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<Guid> SeedPersonAsync(string email, string name)
    {
        var now = (_clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var user = new User { GoogleSubject = "google-" + email, Email = email, Name = name, CreatedAt = now, LastSeenAt = now };
        await InDbAsync(async db =>
        {
            db.AddPerson(user);
            return await db.SaveChangesAsync();
        });
        return user.Id;
    }

    private async Task<Guid> CreateAppAsync(Guid ownerId, string name, string url)
    {
        Assert.True((await InScopeAsync(s => s.GetRequiredService<ApiAppCommands>().CreateAsync(ownerId, ownerId, name, CancellationToken.None))).Succeeded);
        var id = await InDbAsync(db => db.ApiApps.Where(a => a.WorkspaceId == ownerId).Select(a => a.Id).SingleAsync());
        var added = await InScopeAsync(s => s.GetRequiredService<ApiAppCommands>().AddRedirectUrlAsync(ownerId, ownerId, id, url, CancellationToken.None));
        Assert.True(added.Succeeded, added.Message);
        return id;
    }

    private async Task<string> CreateKeyAsync(Guid ownerId, ApiScope scopes)
    {
        var issued = await InScopeAsync(s => s.GetRequiredService<ApiKeyCommands>().CreateAsync(ownerId, ownerId, "Shop", scopes, null, CancellationToken.None));
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return issued.Key!;
    }

    private Task<T> InDbAsync<T>(Func<MidxDbContext, Task<T>> work) => InScopeAsync(s => work(s.GetRequiredService<MidxDbContext>()));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
    }
}
