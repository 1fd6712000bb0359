using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Midx.Tests.Support;

namespace Midx.Tests.Sandbox;

/// <summary>
/// One running Midx (sandbox mode) shared by the tests of a class, with helpers for the sandbox TikTok's control
/// endpoints. Every test starts with <see cref="ResetAsync"/>, so tests of a class do not see each other's state.
/// </summary>
public sealed class SandboxTikTokApp : IDisposable
{
    public const string Base = "/sandbox/tiktok";

    public SandboxTikTokApp()
        : this(new MidxAppFactory())
    {
    }

    private SandboxTikTokApp(MidxAppFactory factory)
    {
        Factory = factory;
        Client = factory.CreateHttpClient();
    }

    public MidxAppFactory Factory { get; }

    public HttpClient Client { get; }

    /// <summary>A sandbox that keeps TikTok's memory in <paramref name="statePath"/> (relative to the data folder).</summary>
    public static SandboxTikTokApp WithStateFile(string statePath) =>
        new(new MidxAppFactory(new Dictionary<string, string?> { ["Midx:SandboxTikTok:StatePath"] = statePath }));

    /// <summary>The same app restarted (see <see cref="MidxAppFactory.RestartAsync"/>): the sandbox comes back from its state file alone.</summary>
    public async Task<SandboxTikTokApp> RestartAsync()
    {
        Client.Dispose();
        return new SandboxTikTokApp(await Factory.RestartAsync());
    }

    public string Origin => Factory.ServerAddress.GetLeftPart(UriPartial.Authority);

    public string Callback => Origin + "/tiktok/callback";

    public async Task ResetAsync() =>
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Client.PostAsync($"{Base}/__test/reset", null)).StatusCode);

    public async Task SetSwitchesAsync(object switches)
    {
        var response = await Client.PostAsJsonAsync($"{Base}/__test/switches", switches);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task AdvanceAsync(double seconds) =>
        (await Client.PostAsJsonAsync($"{Base}/__test/clock/advance", new { seconds })).EnsureSuccessStatusCode();

    public async Task ArmFaultAsync(object plan) =>
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Client.PostAsJsonAsync($"{Base}/__test/faults", plan)).StatusCode);

    public async Task<TokenSet> TokensAsync(string creatorKey = "public", params string[] scopes)
    {
        var response = await Client.PostAsJsonAsync($"{Base}/__test/tokens", new
        {
            creatorKey,
            scopes = scopes.Length > 0 ? scopes : ["user.info.basic", "user.info.profile", "video.publish", "video.upload", "video.list"],
        });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TokenSet(json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!, json.GetProperty("open_id").GetString()!);
    }

    public Task<HttpResponseMessage> ApiAsync(HttpMethod method, string path, string? accessToken, string? json = null)
    {
        var request = new HttpRequestMessage(method, Base + path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string? accessToken, object body) =>
        ApiAsync(HttpMethod.Post, path, accessToken, JsonSerializer.Serialize(body));

    public Task<HttpResponseMessage> FormAsync(string path, IDictionary<string, string> fields) =>
        Client.PostAsync(Base + path, new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> PutChunkAsync(string uploadUrl, byte[] video, long first, long last, string contentType = "video/mp4")
    {
        var content = new ByteArrayContent(video, (int)first, (int)(last - first + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentRange = new ContentRangeHeaderValue(first, last, video.Length);
        return Client.PutAsync(uploadUrl, content);
    }

    public async Task<JsonElement> ViewAsync(string publishId) =>
        await Client.GetFromJsonAsync<JsonElement>($"{Base}/__test/publishes/{Uri.EscapeDataString(publishId)}");

    public static async Task<(int Status, string Code, JsonElement Data, string LogId)> ReadEnvelopeAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = json.GetProperty("error");
        return ((int)response.StatusCode, error.GetProperty("code").GetString()!, json.GetProperty("data"), error.GetProperty("log_id").GetString()!);
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}

public sealed record TokenSet(string AccessToken, string RefreshToken, string OpenId);
