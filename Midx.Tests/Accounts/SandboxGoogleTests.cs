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
