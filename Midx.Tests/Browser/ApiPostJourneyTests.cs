using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.App.Api;
using Midx.App.Publishing;
using Midx.Core.Api;
using Midx.Core.Publishing;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// A post sent through the API as its workspace's people see it: the post page names the key and quotes what its user
/// agreed to, and the key's use of the day counts the post it created.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiPostJourneyTests(BrowserFixture browser) : IDisposable
{
    private const string Consent = "By posting, you agree to TikTok's Music Usage Confirmation. [Post to TikTok]";

    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task PostPage_OfAPostTheApiSent_NamesTheKeyAndQuotesItsUsersConsent()
    {
        await using var grace = await BrowserPage.OpenAsCreatorAsync(browser, _app.ServerAddress);
        var workspaceId = (await _app.UserByEmailAsync("grace@sandbox.midx.test")).Id;
        var key = await CreateKeyAsync(workspaceId);
        using var api = new HttpClient { BaseAddress = _app.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var postId = await PostThroughTheApiAsync(api);

        var page = grace.Page;
        await page.GotoAsync(JobPage.Url(postId));
        await grace.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-consent-given-by]")).ToContainTextAsync($"{PublishReview.ApiKeyName("Shop sync")} sent it");
        await Assertions.Expect(page.Locator("[data-consent-caller-text]")).ToHaveTextAsync(Consent);
        await grace.ScreenshotsInNewTabAsync("api-post", "[data-consent-caller-text]");

        await page.GotoAsync($"/workspaces/{workspaceId}");
        await grace.WaitForCircuitAsync();
        var today = page.Locator($"[data-api-key-usage-day='{DateTime.UtcNow:yyyy-MM-dd}']");
        await Assertions.Expect(today.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await grace.ScreenshotAtPhoneWidthAsync("api-keys-usage-390", "[data-api-key-usage]");
        Assert.True(grace.Errors.Count == 0, string.Join("\n", grace.Errors));
    }

    public void Dispose() => _app.Dispose();

    private async Task<string> CreateKeyAsync(Guid workspaceId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyCommands>()
            .CreateAsync(workspaceId, workspaceId, "Shop sync", ApiScope.Read | ApiScope.Publish, null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return issued.Key!;
    }

    private static async Task<Guid> PostThroughTheApiAsync(HttpClient api)
    {
        var accounts = await api.GetFromJsonAsync<JsonElement>(ApiEndpoints.BasePath + "/accounts");
        var accountId = accounts[0].GetProperty("id").GetGuid();
        using var created = await api.PostAsJsonAsync(ApiEndpoints.BasePath + "/uploads", new { fileName = "spring-drop.mp4" });
        var upload = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var bytes = new ByteArrayContent(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds));
        using var put = await api.PutAsync(upload.GetProperty("uploadUrl").GetString(), bytes);
        put.EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Post, ApiEndpoints.BasePath + "/posts")
        {
            Content = JsonContent.Create(new
            {
                accountId, mode = "direct", uploadId = upload.GetProperty("id").GetGuid(), caption = "Spring drop is live #shop",
                privacyLevel = "SELF_ONLY", scheduledAt = DateTime.UtcNow.AddHours(3), consentText = Consent,
            }),
        };
        request.Headers.Add(ApiPublishEndpoints.IdempotencyKeyHeader, "spring-drop");
        using var post = await api.SendAsync(request);
        post.EnsureSuccessStatusCode();
        return (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
