using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Midx.Tests.Sandbox;

public sealed class SandboxUnmatchedRouteHttpTests(SandboxTikTokApp app) : IClassFixture<SandboxTikTokApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("GET", "/v2/no-such-endpoint/")]
    [InlineData("POST", "/v2/no-such-endpoint/")]
    [InlineData("POST", "/v2/post/publish/no-such-step/")]
    public async Task UnknownApiPath_AnyMethod_Answers404InTheErrorEnvelope(string method, string path)
    {
        var response = await app.ApiAsync(new HttpMethod(method), path, accessToken: null, json: "{}");
        var (status, code, data, logId) = await SandboxTikTokApp.ReadEnvelopeAsync(response);

        Assert.Equal(404, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_params", code);
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Empty(data.EnumerateObject());
        Assert.Equal(logId, response.Headers.GetValues("x-tt-logid").Single());
    }

    [Fact]
    public async Task UnknownApiPath_FormPostWithoutAntiforgeryToken_AnswersTheEnvelopeNotTheFormExpiredPage()
    {
        var response = await app.Client.PostAsync(SandboxTikTokApp.Base + "/v2/no-such-endpoint/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }));

        Assert.Equal(404, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Status);
    }

    [Theory]
    [InlineData("GET", "/v2/post/publish/video/init/", "POST")]
    [InlineData("PUT", "/v2/video/list/", "POST")]
    [InlineData("POST", "/v2/user/info/", "GET")]
    public async Task ApiEndpoint_WrongMethod_Answers405InTheErrorEnvelopeWithAllow(string method, string path, string allowed)
    {
        var response = await app.ApiAsync(new HttpMethod(method), path, accessToken: null, json: method == "GET" ? null : "{}");
        var (status, code, _, _) = await SandboxTikTokApp.ReadEnvelopeAsync(response);

        Assert.Equal(405, status);
        Assert.Equal("invalid_params", code);
        Assert.Equal([allowed], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task ApiEndpoint_WrongMethodWithInvalidParamSpelling_UsesThatSpelling()
    {
        await app.SetSwitchesAsync(new { errorCodeSpelling = "InvalidParam" });

        var response = await app.ApiAsync(HttpMethod.Get, "/v2/post/publish/status/fetch/", accessToken: null);

        Assert.Equal((405, "invalid_param"), ((int)response.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Code));
    }

    [Theory]
    [InlineData("GET", "/v2/oauth/token/", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/v2/oauth/revoke/", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/v2/oauth/no-such-endpoint/", HttpStatusCode.NotFound)]
    public async Task OAuthPath_UnmatchedOrWrongMethod_AnswersTheFlatOAuthError(string method, string path, HttpStatusCode expected)
    {
        var response = await app.ApiAsync(new HttpMethod(method), path, accessToken: null);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("invalid_request", json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
        Assert.Equal(json.GetProperty("log_id").GetString(), response.Headers.GetValues("x-tt-logid").Single());
        Assert.False(json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task UploadHost_UnknownPath_Answers404WithoutAPage()
    {
        var response = await app.Client.GetAsync("/sandbox/tiktok-upload/no-such-path/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MidxPage_UnknownPath_StillAnswersMidxsOwnNotFoundPage()
    {
        var response = await app.Client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
