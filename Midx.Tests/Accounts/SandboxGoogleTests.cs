using System.Net.Http.Headers;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Midx.App.Sandbox.Google;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

/// <summary>
/// The stand-in Google on its own, driven as an OAuth client would drive Google: it must refuse exactly what Google
/// refuses, or Midx's handling of those refusals would go untested.
/// </summary>
public sealed class SandboxGoogleTests : IDisposable
{
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-this-test-verifier";

    private readonly MidxAppFactory _app = new();

    private string RedirectUri => _app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/account/signin/google/callback";

    [Fact]
    public async Task Token_WithValidCodeVerifierAndClient_IssuesTokenThatUnlocksUserInfo()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");

        using var token = await ExchangeAsync(flow, code);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("no-store", token.Headers.CacheControl?.ToString());
        using var tokenJson = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", tokenJson.RootElement.GetProperty("token_type").GetString());
        var accessToken = tokenJson.RootElement.GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, SandboxGoogleEndpoints.UserInfoPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var userInfo = await flow.Client.SendAsync(request);
        using var profile = JsonDocument.Parse(await userInfo.Content.ReadAsStringAsync());
        Assert.Equal(SandboxGoogleIdentity.SubjectFor("ada@sandbox.midx.test"), profile.RootElement.GetProperty("sub").GetString());
        Assert.Equal("ada@sandbox.midx.test", profile.RootElement.GetProperty("email").GetString());
        Assert.True(profile.RootElement.GetProperty("email_verified").GetBoolean());
        Assert.Equal("Ada Lovelace", profile.RootElement.GetProperty("name").GetString());
        Assert.StartsWith(_app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/sandbox/google/avatar/", profile.RootElement.GetProperty("picture").GetString());
    }

    [Fact]
    public async Task Discovery_NamesAbsoluteEndpointsAndWhatGoogleSupports()
    {
        using var flow = new SignInFlow(_app);
        var origin = _app.ServerAddress.GetLeftPart(UriPartial.Authority);

        using var response = await flow.Client.GetAsync(SandboxGoogleEndpoints.DiscoveryPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(origin + "/sandbox/google", root.GetProperty("issuer").GetString());
        Assert.Equal(origin + SandboxGoogleEndpoints.AuthorizePath, root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(origin + SandboxGoogleEndpoints.TokenPath, root.GetProperty("token_endpoint").GetString());
        Assert.Equal(origin + SandboxGoogleEndpoints.UserInfoPath, root.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(origin + SandboxGoogleEndpoints.JwksPath, root.GetProperty("jwks_uri").GetString());
        Assert.Equal(["code"], Strings(root, "response_types_supported"));
        Assert.Equal(["public"], Strings(root, "subject_types_supported"));
        Assert.Equal(["RS256"], Strings(root, "id_token_signing_alg_values_supported"));
        Assert.Equal(["openid", "email", "profile"], Strings(root, "scopes_supported"));
        Assert.Equal(["client_secret_post", "client_secret_basic"], Strings(root, "token_endpoint_auth_methods_supported"));
        Assert.Equal(["plain", "S256"], Strings(root, "code_challenge_methods_supported"));
        Assert.Contains("email_verified", Strings(root, "claims_supported"));
    }

    [Fact]
    public async Task Token_WithOpenId_ReturnsIdTokenSignedByTheJwksKeyAndEchoingTheNonce()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test", p => p["nonce"] = "n-0S6_WzA2Mj");
        using var token = await ExchangeAsync(flow, code);
        using var json = await TokenJsonAsync(token);
        var parts = json.RootElement.GetProperty("id_token").GetString()!.Split('.');

        using var jwksResponse = await flow.Client.GetAsync(SandboxGoogleEndpoints.JwksPath);
        using var jwks = JsonDocument.Parse(await jwksResponse.Content.ReadAsStringAsync());
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray());
        using var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(key.GetProperty("kid").GetString(), header.RootElement.GetProperty("kid").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = WebEncoders.Base64UrlDecode(key.GetProperty("n").GetString()!),
            Exponent = WebEncoders.Base64UrlDecode(key.GetProperty("e").GetString()!),
        });
        Assert.True(rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        using var payload = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal(_app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/sandbox/google", claims.GetProperty("iss").GetString());
        Assert.Equal(SandboxGoogleOptions.DefaultClientId, claims.GetProperty("aud").GetString());
        Assert.Equal(SandboxGoogleIdentity.SubjectFor("ada@sandbox.midx.test"), claims.GetProperty("sub").GetString());
        Assert.Equal("n-0S6_WzA2Mj", claims.GetProperty("nonce").GetString());
        Assert.Equal("ada@sandbox.midx.test", claims.GetProperty("email").GetString());
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
        Assert.Equal("Ada", claims.GetProperty("given_name").GetString());
        Assert.Equal("Lovelace", claims.GetProperty("family_name").GetString());
        Assert.StartsWith("http", claims.GetProperty("picture").GetString());
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Token_Offline_IssuesRefreshTokenThatBuysANewAccessToken()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test", p => p["access_type"] = "offline");
        using var token = await ExchangeAsync(flow, code);
        using var json = await TokenJsonAsync(token);
        var refreshToken = json.RootElement.GetProperty("refresh_token").GetString()!;

        using var refreshed = await flow.Client.PostAsync(SandboxGoogleEndpoints.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = SandboxGoogleOptions.DefaultClientId,
            ["client_secret"] = SandboxGoogleOptions.DefaultClientSecret,
        }));

        using var refreshedJson = await TokenJsonAsync(refreshed);
        var root = refreshedJson.RootElement;
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal("openid email profile", root.GetProperty("scope").GetString());
        Assert.True(root.GetProperty("expires_in").GetInt32() > 0);
        Assert.True(root.TryGetProperty("id_token", out _));
        Assert.False(root.TryGetProperty("refresh_token", out _));
        using var profile = await UserInfoAsync(flow, root.GetProperty("access_token").GetString()!);
        Assert.Equal("ada@sandbox.midx.test", profile.RootElement.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Token_NotOffline_IssuesNoRefreshToken()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");

        using var token = await ExchangeAsync(flow, code);

        using var json = await TokenJsonAsync(token);
        Assert.False(json.RootElement.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Token_WithoutPkce_IsAcceptedAsGoogleAcceptsIt()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test", p =>
        {
            p.Remove("code_challenge");
            p.Remove("code_challenge_method");
        });

        using var token = await ExchangeAsync(flow, code, sendVerifier: false);

        using var json = await TokenJsonAsync(token);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task Token_ChallengeSentButNoVerifier_IsInvalidGrant()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");

        using var token = await ExchangeAsync(flow, code, sendVerifier: false);

        await AssertTokenErrorAsync(token, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Token_PlainPkce_ChecksTheVerifierAsIs()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test", p =>
        {
            p["code_challenge"] = Verifier;
            p["code_challenge_method"] = "plain";
        });

        using var token = await ExchangeAsync(flow, code);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task UserInfo_FewerScopes_ReleasesOnlyTheirClaims()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test", p => p["scope"] = "openid email");

        using var token = await ExchangeAsync(flow, code);
        using var json = await TokenJsonAsync(token);
        Assert.Equal("openid email", json.RootElement.GetProperty("scope").GetString());
        using var profile = await UserInfoAsync(flow, json.RootElement.GetProperty("access_token").GetString()!);

        var claims = profile.RootElement.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["email", "email_verified", "sub"], claims);
    }

    [Fact]
    public async Task Token_CodeUsedTwice_SecondIsInvalidGrant()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");
        using var first = await ExchangeAsync(flow, code);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await ExchangeAsync(flow, code);

        await AssertTokenErrorAsync(second, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Token_WrongVerifier_IsInvalidGrantAndBurnsTheCode()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");

        using var wrong = await ExchangeAsync(flow, code, verifier: Verifier.Replace('d', 'e'));
        using var retry = await ExchangeAsync(flow, code);

        await AssertTokenErrorAsync(wrong, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertTokenErrorAsync(retry, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Theory]
    [InlineData("midx-sandbox-client", "wrong-secret")]
    [InlineData("someone-else", null)] // the right secret (ExchangeAsync's default) with another client id
    public async Task Token_WrongClientCredentials_IsInvalidClient(string clientId, string? clientSecret)
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");

        using var response = await ExchangeAsync(flow, code, clientId: clientId, clientSecret: clientSecret);

        await AssertTokenErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_DifferentRedirectUri_IsRefused()
    {
        using var flow = new SignInFlow(_app);
        var code = await AuthorizeAsync(flow, "ada@sandbox.midx.test");

        using var response = await ExchangeAsync(flow, code, redirectUri: RedirectUri + "-elsewhere");

        await AssertTokenErrorAsync(response, HttpStatusCode.BadRequest, "redirect_uri_mismatch");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ya29.made-up-token")]
    public async Task UserInfo_WithoutValidBearerToken_IsUnauthorized(string? token)
    {
        using var flow = new SignInFlow(_app);
        using var request = new HttpRequestMessage(HttpMethod.Get, SandboxGoogleEndpoints.UserInfoPath);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await flow.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("redirect_uri", "https://evil.example/callback", "redirect_uri_mismatch")]
    [InlineData("client_id", "someone-else", "invalid_client")]
    [InlineData("code_challenge_method", "S512", "invalid_request")]
    [InlineData("scope", "openid email https://www.googleapis.com/auth/drive.unknown", "invalid_scope")]
    public async Task Authorize_BadRequest_ShowsGoogleErrorWithoutRedirecting(string parameter, string value, string error)
    {
        using var flow = new SignInFlow(_app);
        var parameters = AuthorizeParameters();
        parameters[parameter] = value;

        using var response = await flow.Client.GetAsync(QueryHelpers.AddQueryString(SandboxGoogleEndpoints.AuthorizePath, parameters));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains($"data-google-error=\"{error}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorize_Chooser_ListsTestIdentitiesAndWorksWithoutScriptOrInlineStyle()
    {
        using var flow = new SignInFlow(_app);

        var page = await flow.OpenChooserAsync(new Uri(QueryHelpers.AddQueryString(SandboxGoogleEndpoints.AuthorizePath, AuthorizeParameters()), UriKind.Relative));

        var listed = page.QuerySelectorAll("[data-identity]").Select(b => b.GetAttribute("data-identity")).ToList();
        Assert.Equal(SandboxGoogleIdentity.TestIdentities.Select(i => i.Email), listed);
        Assert.Contains("Ada Lovelace", page.QuerySelector("[data-identity='ada@sandbox.midx.test']")?.TextContent);
        Assert.NotNull(page.QuerySelector("[data-deny]"));
        Assert.NotNull(page.QuerySelector("form[data-custom-account] input[name=custom_email]"));
        Assert.NotNull(page.QuerySelector("label[for=custom_name]"));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
    }

    [Fact]
    public async Task Authorize_CustomAccountWithoutEmail_ShowsFormErrorAndIssuesNoCode()
    {
        using var flow = new SignInFlow(_app);
        var chooser = await flow.OpenChooserAsync(new Uri(QueryHelpers.AddQueryString(SandboxGoogleEndpoints.AuthorizePath, AuthorizeParameters()), UriKind.Relative));
        var form = chooser.QuerySelector<IHtmlFormElement>("form[data-custom-account]")!;

        using var response = await flow.PostFormAsync(form, [new("custom_email", "not-an-email"), new("custom_name", "X"), new("identity", "custom")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Enter an email address", await response.Content.ReadAsStringAsync());
    }

    private Dictionary<string, string?> AuthorizeParameters() => new()
    {
        ["client_id"] = SandboxGoogleOptions.DefaultClientId,
        ["redirect_uri"] = RedirectUri,
        ["response_type"] = "code",
        ["scope"] = "openid email profile",
        ["state"] = "test-state",
        ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
        ["code_challenge_method"] = "S256",
    };

    private async Task<string> AuthorizeAsync(SignInFlow flow, string email, Action<Dictionary<string, string?>>? adjust = null)
    {
        var parameters = AuthorizeParameters();
        adjust?.Invoke(parameters);
        var callback = await flow.ChooseListedAsync(new Uri(QueryHelpers.AddQueryString(SandboxGoogleEndpoints.AuthorizePath, parameters), UriKind.Relative), email);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("test-state", query["state"]);
        return query["code"].ToString();
    }

    private Task<HttpResponseMessage> ExchangeAsync(
        SignInFlow flow, string code, string? verifier = null, string? clientId = null, string? clientSecret = null, string? redirectUri = null,
        bool sendVerifier = true)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["client_id"] = clientId ?? SandboxGoogleOptions.DefaultClientId,
            ["client_secret"] = clientSecret ?? SandboxGoogleOptions.DefaultClientSecret,
            ["redirect_uri"] = redirectUri ?? RedirectUri,
        };
        if (sendVerifier)
        {
            form["code_verifier"] = verifier ?? Verifier;
        }

        return flow.Client.PostAsync(SandboxGoogleEndpoints.TokenPath, new FormUrlEncodedContent(form));
    }

    private static async Task<JsonDocument> UserInfoAsync(SignInFlow flow, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SandboxGoogleEndpoints.UserInfoPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await flow.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string?> Strings(JsonElement root, string property) =>
        root.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();

    private static async Task<JsonDocument> TokenJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertTokenErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.False(json.RootElement.TryGetProperty("access_token", out _));
    }

    public void Dispose() => _app.Dispose();
}
