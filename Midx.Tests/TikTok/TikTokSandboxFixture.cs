using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>
/// One running Midx in sandbox mode for the client contract tests: the real <see cref="TikTokApiClient"/> from the
/// app's container talks real HTTP to the sandbox TikTok, and these helpers drive the sandbox's test controls.
/// 429 backoff is shortened so the bounded retries finish quickly.
/// </summary>
public sealed class TikTokSandboxFixture : IDisposable
{
    public const string Base = "/sandbox/tiktok";
    public const string AllScopes = "user.info.basic,user.info.profile,video.publish,video.upload,video.list";

    public TikTokSandboxFixture()
    {
        App = new MidxAppFactory(new Dictionary<string, string?> { ["TikTok:RateLimitBaseDelay"] = "00:00:00.010" });
        Http = App.CreateHttpClient();
    }

    public MidxAppFactory App { get; }

    public HttpClient Http { get; }

    public string Callback => App.ServerAddress.GetLeftPart(UriPartial.Authority) + "/tiktok/callback";

    public TikTokApiClient Client => App.Services.GetRequiredService<TikTokApiClient>();

    public async Task ResetAsync() => (await Http.PostAsync($"{Base}/__test/reset", null)).EnsureSuccessStatusCode();

    public async Task SwitchesAsync(object switches)
    {
        var response = await Http.PostAsJsonAsync($"{Base}/__test/switches", switches);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task FaultAsync(object plan) => (await Http.PostAsJsonAsync($"{Base}/__test/faults", plan)).EnsureSuccessStatusCode();

    public async Task AdvanceAsync(double seconds) => (await Http.PostAsJsonAsync($"{Base}/__test/clock/advance", new { seconds })).EnsureSuccessStatusCode();

    public async Task ConsentAsync(string decision, string creatorKey = "public", string[]? scopes = null) =>
        (await Http.PostAsJsonAsync($"{Base}/__test/consent", new { decision, creatorKey, scopes })).EnsureSuccessStatusCode();

    /// <summary>Tokens issued directly by the sandbox for a fixture creator.</summary>
    public async Task<TikTokTokenGrant> TokensAsync(string creatorKey = "public", string scopes = AllScopes)
    {
        var response = await Http.PostAsJsonAsync($"{Base}/__test/tokens", new { creatorKey, scopes = scopes.Split(',') });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TikTokTokenGrant(json.GetProperty("access_token").GetString()!, json.GetProperty("expires_in").GetInt64(),
            json.GetProperty("open_id").GetString()!, json.GetProperty("refresh_token").GetString()!, json.GetProperty("refresh_expires_in").GetInt64(),
            json.GetProperty("scope").GetString()!, "Bearer");
    }

    /// <summary>Runs TikTok's authorization with the sandbox's consent hook approving; returns the code from the redirect.</summary>
    public async Task<string> AuthorizeAsync(string verifier, string creatorKey = "public", string[]? scopes = null)
    {
        await ConsentAsync("Approve", creatorKey, scopes);
        var url = Client.AuthorizeUrl("contract-state", TikTokPkce.HexChallenge(verifier), Callback);
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        Assert.Equal("contract-state", query["state"]);
        return query["code"]!;
    }

    public async Task<int> RequestCountAsync(string endpoint) =>
        (await Http.GetFromJsonAsync<JsonElement>($"{Base}/__test/requests?endpoint={endpoint}")).GetArrayLength();

    public async Task<JsonElement> PublishViewAsync(string publishId) =>
        await Http.GetFromJsonAsync<JsonElement>($"{Base}/__test/publishes/{Uri.EscapeDataString(publishId)}");

    public void Dispose()
    {
        Http.Dispose();
        App.Dispose();
    }
}
