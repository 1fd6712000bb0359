using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class SandboxOAuthHttpTests(SandboxTikTokApp app) : IClassFixture<SandboxTikTokApp>, IAsyncLifetime
{
    private const string Verifier = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string AuthorizeUrl(string? redirectUri = null, string scope = "user.info.basic,video.publish,video.list", string? challenge = "hex",
        string clientKey = TikTokFixtures.ClientKey, string responseType = "code")
    {
        var query = new Dictionary<string, string?>
        {
            ["client_key"] = clientKey,
            ["scope"] = scope,
            ["redirect_uri"] = redirectUri ?? app.Callback,
            ["state"] = "state-123",
            ["response_type"] = responseType,
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge == "hex" ? PkceCheck.HexChallenge(Verifier) : challenge;
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString(SandboxTikTokApp.Base + OAuthEndpoints.AuthorizePath, query);
    }

    private async Task<Dictionary<string, string>> SubmitConsentAsync(string creator, string[] tickedScopes, string decision = "authorize",
        string scope = "user.info.basic,video.publish,video.list")
    {
        var page = await app.Client.GetAsync(AuthorizeUrl(scope: scope));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form[data-tiktok-consent]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        fields.Add(new("creator", creator));
        fields.AddRange(tickedScopes.Select(s => new KeyValuePair<string, string>("granted_scopes", s)));
        fields.Add(new("decision", decision));

        var response = await app.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(app.Callback + "?", location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    private Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier = Verifier, string? redirectUri = null, string? secret = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["client_key"] = TikTokFixtures.ClientKey,
            ["client_secret"] = secret ?? TikTokFixtures.DefaultClientSecret,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = redirectUri ?? app.Callback,
        };
        if (verifier is not null)
        {
            fields["code_verifier"] = verifier;
        }

        return app.FormAsync("/v2/oauth/token/", fields);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) => app.FormAsync("/v2/oauth/token/", new Dictionary<string, string>
    {
        ["client_key"] = TikTokFixtures.ClientKey,
        ["client_secret"] = TikTokFixtures.DefaultClientSecret,
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    });

    private static async Task<string> OAuthErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task Authorize_ValidRequest_ShowsConsentPageWithCreatorsScopesAndNoInlineScriptOrStyle()
    {
        var response = await app.Client.GetAsync(AuthorizeUrl());
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal(TikTokFixtures.Creators.Count, document.QuerySelectorAll("input[name=creator]").Length);
        Assert.Equal(["user.info.basic", "video.list", "video.publish"],
            document.QuerySelectorAll("input[name=granted_scopes]").Select(i => i.GetAttribute("value")));
        Assert.True(document.QuerySelector("input[value='user.info.basic']")!.HasAttribute("disabled"));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        Assert.All(document.QuerySelectorAll("img"), img => Assert.StartsWith("/sandbox/tiktok/avatars/", img.GetAttribute("src")));
        Assert.Contains(document.QuerySelectorAll("button"), b => b.TextContent == "Authorize");
        Assert.Contains(document.QuerySelectorAll("button"), b => b.TextContent == "Cancel");
    }

    [Theory]
    [InlineData("client_key")]
    [InlineData("redirect_uri")]
    [InlineData("response_type")]
    [InlineData("scope")]
    public async Task Authorize_ConfigError_Renders400NamingTheParameterWithoutRedirect(string parameter)
    {
        var url = parameter switch
        {
            "client_key" => AuthorizeUrl(clientKey: "someone-else"),
            "redirect_uri" => AuthorizeUrl(redirectUri: "https://evil.example/tiktok/callback"),
            "response_type" => AuthorizeUrl(responseType: "token"),
            _ => AuthorizeUrl(scope: "user.info.basic,video.delete"),
        };

        var response = await app.Client.GetAsync(url);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, document.QuerySelector("[data-invalid-parameter]")!.TextContent);
    }

    [Fact]
    public async Task Authorize_PkceRequiredWithoutChallenge_NamesCodeChallenge()
    {
        var optional = await app.Client.GetAsync(AuthorizeUrl(challenge: null));
        await app.SetSwitchesAsync(new { pkceMode = "Required" });

        var required = await app.Client.GetAsync(AuthorizeUrl(challenge: null));

        Assert.Equal(HttpStatusCode.OK, optional.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, required.StatusCode);
        Assert.Contains("code_challenge", await required.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConsentForm_PrivateCreatorWithOneScopeUnticked_RedirectsWithNarrowedScopesAndTokensMatch()
    {
        var callback = await SubmitConsentAsync("private", ["video.list"]);

        var exchange = await ExchangeAsync(callback["code"]);
        var tokens = await exchange.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("state-123", callback["state"]);
        Assert.Equal("user.info.basic,video.list", callback["scopes"]);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal(TikTokFixtures.Private.OpenId, tokens.GetProperty("open_id").GetString());
        Assert.Equal("user.info.basic,video.list", tokens.GetProperty("scope").GetString());
        Assert.Equal(86_400, tokens.GetProperty("expires_in").GetInt64());
        Assert.Equal(31_536_000, tokens.GetProperty("refresh_expires_in").GetInt64());
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.False(tokens.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Authorize_ScopeWithoutUserInfoBasic_ShowsItAsGrantedByDefault()
    {
        var response = await app.Client.GetAsync(AuthorizeUrl(scope: "video.publish"));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(["user.info.basic", "video.publish"],
            document.QuerySelectorAll("input[name=granted_scopes]").Select(i => i.GetAttribute("value")));
        Assert.True(document.QuerySelector("input[value='user.info.basic']")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task ConsentForm_ScopeWithoutUserInfoBasic_StillGrantsIt()
    {
        var callback = await SubmitConsentAsync("public", ["video.publish"], scope: "video.publish");

        var tokens = await (await ExchangeAsync(callback["code"])).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("user.info.basic,video.publish", callback["scopes"]);
        Assert.Equal("user.info.basic,video.publish", tokens.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task ConsentHook_ApproveAllWithoutUserInfoBasicRequested_StillGrantsIt()
    {
        (await app.Client.PostAsJsonAsync(SandboxTikTokApp.Base + "/__test/consent",
            new { decision = "Approve", creatorKey = "public" })).EnsureSuccessStatusCode();

        var response = await app.Client.GetAsync(AuthorizeUrl(scope: "video.list"));

        Assert.Equal("user.info.basic,video.list", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["scopes"]);
    }

    [Fact]
    public async Task ConsentForm_Cancel_RedirectsWithAccessDenied()
    {
        var callback = await SubmitConsentAsync("public", [], decision: "cancel");

        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("state-123", callback["state"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task ConsentForm_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await app.Client.PostAsync(SandboxTikTokApp.Base + OAuthEndpoints.AuthorizePath, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["client_key"] = TikTokFixtures.ClientKey, ["decision"] = "authorize", ["creator"] = "public" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_CodeUsedTwice_SecondIsInvalidGrant()
    {
        var code = (await SubmitConsentAsync("public", ["video.publish"]))["code"];

        var first = await ExchangeAsync(code);
        var second = await ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", await OAuthErrorAsync(second));
    }

    [Fact]
    public async Task Token_CodeAfterTenMinutes_IsInvalidGrant()
    {
        var code = (await SubmitConsentAsync("public", []))["code"];
        await app.AdvanceAsync(600);

        var response = await ExchangeAsync(code);

        Assert.Equal("invalid_grant", await OAuthErrorAsync(response));
    }

    [Theory]
    [InlineData("wrong-verifier-wrong-verifier-wrong-verifier-wrong", "invalid_grant")]
    [InlineData(null, "invalid_request")]
    public async Task Token_BadOrMissingVerifier_IsRefused(string? verifier, string error)
    {
        var code = (await SubmitConsentAsync("public", []))["code"];

        var response = await ExchangeAsync(code, verifier);

        Assert.Equal(error, await OAuthErrorAsync(response));
    }

    private async Task<string> ApprovedCodeAsync(string? challenge)
    {
        (await app.Client.PostAsJsonAsync(SandboxTikTokApp.Base + "/__test/consent", new { decision = "Approve", creatorKey = "public" }))
            .EnsureSuccessStatusCode();
        var response = await app.Client.GetAsync(AuthorizeUrl(challenge: challenge));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    [Fact]
    public async Task Token_WebFlowWithoutPkce_ExchangesWithoutAVerifier()
    {
        var code = await ApprovedCodeAsync(challenge: null);

        var response = await ExchangeAsync(code, verifier: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("act.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task Token_Base64UrlChallenge_RefusedUnlessTheSwitchAcceptsIt()
    {
        var refusedCode = await ApprovedCodeAsync(PkceCheck.Base64UrlChallenge(Verifier));
        var refused = await ExchangeAsync(refusedCode);
        await app.SetSwitchesAsync(new { pkceMode = "AcceptBase64Url" });
        var acceptedCode = await ApprovedCodeAsync(PkceCheck.Base64UrlChallenge(Verifier));

        var accepted = await ExchangeAsync(acceptedCode);

        Assert.Equal("invalid_grant", await OAuthErrorAsync(refused));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Token_RedirectMismatch_IsInvalidGrantOrInvalidRequestBySwitch()
    {
        var code = (await SubmitConsentAsync("public", []))["code"];
        var mismatch = await ExchangeAsync(code, redirectUri: app.Origin + "/tiktok/callback2");
        await app.SetSwitchesAsync(new { redirectMismatchAsInvalidRequest = true, oAuthErrorsAsHttp200 = true });
        var code2 = (await SubmitConsentAsync("public", []))["code"];

        var switched = await ExchangeAsync(code2, redirectUri: app.Origin + "/tiktok/callback2");

        Assert.Equal("invalid_grant", await OAuthErrorAsync(mismatch));
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("invalid_request", await OAuthErrorAsync(switched));
    }

    [Fact]
    public async Task Token_WrongSecret_IsInvalidClientWithLogIdHeader()
    {
        var response = await ExchangeAsync("whatever", secret: "nope");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal(body.GetProperty("log_id").GetString(), response.Headers.GetValues("x-tt-logid").Single());
    }

    [Fact]
    public async Task Token_UnknownGrantType_IsUnsupportedGrantType()
    {
        var response = await app.FormAsync("/v2/oauth/token/", new Dictionary<string, string>
        {
            ["client_key"] = TikTokFixtures.ClientKey, ["client_secret"] = TikTokFixtures.DefaultClientSecret, ["grant_type"] = "password",
        });

        Assert.Equal("unsupported_grant_type", await OAuthErrorAsync(response));
    }

    [Fact]
    public async Task Refresh_RotatesAndTheOldRefreshTokenStopsWorking()
    {
        var tokens = await app.TokensAsync();

        var first = await RefreshAsync(tokens.RefreshToken);
        var next = await first.Content.ReadFromJsonAsync<JsonElement>();
        var reused = await RefreshAsync(tokens.RefreshToken);
        var chained = await RefreshAsync(next.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(tokens.RefreshToken, next.GetProperty("refresh_token").GetString());
        Assert.Equal(tokens.OpenId, next.GetProperty("open_id").GetString());
        Assert.Equal("invalid_grant", await OAuthErrorAsync(reused));
        Assert.Equal(HttpStatusCode.OK, chained.StatusCode);
    }

    [Fact]
    public async Task Refresh_NewTokenProfile_IssuesTwoHourAccessTokensThatExpire()
    {
        await app.SetSwitchesAsync(new { tokenProfile = "New2h180d" });
        var tokens = await app.TokensAsync();

        var refreshed = await (await RefreshAsync(tokens.RefreshToken)).Content.ReadFromJsonAsync<JsonElement>();
        await app.AdvanceAsync(7200);
        var expired = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id", refreshed.GetProperty("access_token").GetString());

        Assert.Equal(7200, refreshed.GetProperty("expires_in").GetInt64());
        Assert.Equal(15_552_000, refreshed.GetProperty("refresh_expires_in").GetInt64());
        Assert.Equal("access_token_invalid", (await SandboxTikTokApp.ReadEnvelopeAsync(expired)).Code);
    }

    [Fact]
    public async Task Revoke_KillsAccessAndRefreshTokens()
    {
        var tokens = await app.TokensAsync();

        var revoke = await app.FormAsync("/v2/oauth/revoke/", new Dictionary<string, string>
        {
            ["client_key"] = TikTokFixtures.ClientKey, ["client_secret"] = TikTokFixtures.DefaultClientSecret, ["token"] = tokens.AccessToken,
        });
        var userInfo = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id", tokens.AccessToken);
        var refresh = await RefreshAsync(tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("{}", await revoke.Content.ReadAsStringAsync());
        Assert.Equal((401, "access_token_invalid"), ((int)userInfo.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(userInfo)).Code));
        Assert.Equal("invalid_grant", await OAuthErrorAsync(refresh));
    }

    [Fact]
    public async Task ConsentHook_Approve_RedirectsAtOnceWithTheHookScopes()
    {
        (await app.Client.PostAsJsonAsync(SandboxTikTokApp.Base + "/__test/consent",
            new { decision = "Approve", creatorKey = "short", scopes = new[] { "video.publish" } })).EnsureSuccessStatusCode();

        var response = await app.Client.GetAsync(AuthorizeUrl());
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        var tokens = await (await ExchangeAsync(query["code"]!)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("user.info.basic,video.publish", query["scopes"]);
        Assert.Equal(TikTokFixtures.Short.OpenId, tokens.GetProperty("open_id").GetString());
    }

    [Fact]
    public async Task UserInfo_FieldsWithinGrantedScopes_ReturnsThemInTheEnvelope()
    {
        var tokens = await app.TokensAsync("public", "user.info.basic");

        var response = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id,union_id,avatar_url,display_name", tokens.AccessToken);
        var (status, code, data, logId) = await SandboxTikTokApp.ReadEnvelopeAsync(response);
        var user = data.GetProperty("user");
        var avatar = await app.Client.GetAsync(user.GetProperty("avatar_url").GetString());

        Assert.Equal((200, "ok"), (status, code));
        Assert.Equal(logId, response.Headers.GetValues("x-tt-logid").Single());
        Assert.Matches("^[0-9]{14}[0-9A-F]{20}$", logId);
        Assert.Equal(TikTokFixtures.Public.OpenId, user.GetProperty("open_id").GetString());
        Assert.Equal("Avery Stone", user.GetProperty("display_name").GetString());
        Assert.False(user.TryGetProperty("username", out _));
        Assert.Equal("image/svg+xml", avatar.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UserInfo_FieldNeedingUngrantedScope_IsScopePermissionMissed()
    {
        var tokens = await app.TokensAsync("public", "user.info.basic");

        var response = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id,username", tokens.AccessToken);

        Assert.Equal((400, "scope_permission_missed"), ((int)response.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Code));
    }

    [Fact]
    public async Task UserInfo_WithoutFieldsOrToken_IsRefused()
    {
        var tokens = await app.TokensAsync("public", "user.info.basic");

        var noFields = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/", tokens.AccessToken);
        var noToken = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id", null);
        await app.SetSwitchesAsync(new { authErrorsAsHttp200 = true, errorCodeSpelling = "InvalidParam" });
        var noTokenSwitched = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id", null);
        var noFieldsSwitched = await app.ApiAsync(HttpMethod.Get, "/v2/user/info/", tokens.AccessToken);

        Assert.Equal((400, "invalid_params"), ((int)noFields.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(noFields)).Code));
        Assert.Equal((401, "access_token_invalid"), ((int)noToken.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(noToken)).Code));
        Assert.Equal((200, "access_token_invalid"), ((int)noTokenSwitched.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(noTokenSwitched)).Code));
        Assert.Equal("invalid_param", (await SandboxTikTokApp.ReadEnvelopeAsync(noFieldsSwitched)).Code);
    }

    [Fact]
    public async Task Journal_RecordsRequestsWithoutCredentials()
    {
        var tokens = await app.TokensAsync();
        await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id", tokens.AccessToken);
        await RefreshAsync(tokens.RefreshToken);

        var journal = await app.Client.GetStringAsync(SandboxTikTokApp.Base + "/__test/requests");

        Assert.Contains("\"endpoint\":\"user_info\"", journal);
        Assert.Contains("\"endpoint\":\"token\"", journal);
        Assert.DoesNotContain(tokens.AccessToken, journal);
        Assert.DoesNotContain(tokens.RefreshToken, journal);
        Assert.DoesNotContain(TikTokFixtures.DefaultClientSecret, journal);
        var userInfo = JsonDocument.Parse(journal).RootElement.EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "user_info");
        Assert.Equal("Bearer <redacted>", userInfo.GetProperty("headers").GetProperty("Authorization").GetString());
    }
}
