using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Api;
using Midx.Core.Api;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Accounts;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Api;

/// <summary>
/// The REST API over real HTTP with a workspace's keys: who gets in, what they see of their own workspace and never of
/// another, paging, every bad query as a problem that changes nothing, the rate limit, and each key's use counted.
/// </summary>
public sealed class ApiEndpointsTests : IAsyncLifetime
{
    private const int RequestsPerMinute = 30;

    // No worker: the posts stay as they were submitted.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?>
    {
        ["Midx:Publishing:WorkerEnabled"] = "false",
        ["Midx:Api:RequestsPerMinute"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private readonly HttpClient _api;
    private Guid _averyId;
    private string _key = "";
    private Guid _keyId;
    private Guid _account;
    private List<Guid> _posts = [];
    private Guid _othersPost;

    public ApiEndpointsTests() => _api = new HttpClient { BaseAddress = _app.ServerAddress };

    public async Task InitializeAsync()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        _account = await avery.LinkTikTokAsync("public");
        _posts = [await avery.SubmitScheduledAsync("First of three"), await avery.SubmitAsync(caption: "Second of three"), await avery.SubmitScheduledAsync("Third of three")];
        _averyId = (await _app.UserByEmailAsync("avery@sandbox.midx.test")).Id;
        (_keyId, _key) = await CreateKeyAsync(_averyId);

        using var blake = await _app.SignInAsync("blake@sandbox.midx.test");
        await blake.LinkTikTokAsync("private");
        _othersPost = await blake.SubmitScheduledAsync("Blake's own post");
    }

    [Fact]
    public async Task Request_WithoutKey_Is401ProblemWithItsCodeAndTheBearerChallenge()
    {
        using var response = await _api.GetAsync(ApiEndpoints.BasePath + "/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await ProblemAsync(response);
        Assert.Equal(ErrorCatalog.ApiKeyInvalid.Value, problem.GetProperty("code").GetString());
        Assert.Equal(ErrorCatalog.ApiKeyInvalid.Told, problem.GetProperty("title").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("midx_00000000_0000000000000000000000000000000000")]
    public async Task Request_WithMalformedOrUnknownKey_Is401(string key)
    {
        using var response = await GetAsync("/accounts", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorCatalog.ApiKeyInvalid.Value, (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_WithTheRightPrefixAndAnotherSecret_Is401()
    {
        var forged = ApiKeySecret.PrefixOf(_key) + "_" + new string('z', 32);

        using var response = await GetAsync("/accounts", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithARevokedKey_Is401()
    {
        await InScopeAsync(s => s.GetRequiredService<ApiKeyCommands>().RevokeAsync(_averyId, _averyId, _keyId, CancellationToken.None));

        using var response = await GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Accounts_ListsTheWorkspacesAccountAndNeverATokenOrAnotherWorkspacesAccount()
    {
        using var response = await GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var account = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(_account, account.GetProperty("id").GetGuid());
        Assert.Equal("avery.creates", account.GetProperty("username").GetString());
        Assert.Equal("active", account.GetProperty("tokenState").GetString());
        Assert.DoesNotContain("token\"", body.Replace("tokenState\"", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreatorInfo_OfTheWorkspacesAccount_IsTikToksAnswerNow()
    {
        using var response = await GetAsync($"/accounts/{_account}/creator-info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var creator = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Avery Stone", creator.GetProperty("nickname").GetString());
        Assert.Contains("PUBLIC_TO_EVERYONE", creator.GetProperty("privacyLevelOptions").EnumerateArray().Select(o => o.GetString()));
        Assert.True(creator.GetProperty("directPostOffered").GetBoolean());
    }

    [Fact]
    public async Task CreatorInfo_OfAnotherWorkspacesAccount_Is404()
    {
        var blakes = await _app.QueryAsync(db => db.TikTokAccounts.Where(a => a.Id != _account).Select(a => a.Id).SingleAsync());

        using var response = await GetAsync($"/accounts/{blakes}/creator-info");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ErrorCatalog.ApiNotFound.Value, (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Posts_PagedOneAtATime_WalkEveryPostOfTheWorkspaceNewestFirstOnce()
    {
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            using var response = await GetAsync("/posts?limit=1" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Count < 10);

        Assert.Equal(Enumerable.Reverse(_posts), seen);
    }

    [Fact]
    public async Task Posts_FilteredByState_ListOnlyThatStateWithItsSnakeCaseName()
    {
        using var response = await GetAsync("/posts?state=scheduled");

        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([_posts[2], _posts[0]], items.Select(p => p.GetProperty("id").GetGuid()));
        Assert.All(items, p => Assert.Equal(("scheduled", "Scheduled"), (p.GetProperty("state").GetString(), p.GetProperty("stateLabel").GetString())));
        Assert.All(items, p => Assert.Equal("direct", p.GetProperty("mode").GetString()));
    }

    [Theory]
    [InlineData("state=posted")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    public async Task Posts_WithAQueryMidxDoesNotUnderstand_Is400ProblemSayingWhich(string query)
    {
        using var response = await GetAsync("/posts?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(ErrorCatalog.ApiInvalidQuery.Value, problem.GetProperty("code").GetString());
        Assert.Contains(query.Split('=')[0], problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_OfTheWorkspace_HasItsChoicesAndHistory()
    {
        using var response = await GetAsync($"/posts/{_posts[1]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var post = detail.GetProperty("post");
        Assert.Equal(("Second of three", "SELF_ONLY", "queued"), (post.GetProperty("caption").GetString(), post.GetProperty("privacyLevel").GetString(),
            post.GetProperty("state").GetString()));
        Assert.Equal(_account, post.GetProperty("accountId").GetGuid());
        var line = Assert.Single(detail.GetProperty("timeline").EnumerateArray());
        Assert.Equal(JobMessages.WaitingToStart, line.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_OfAnotherWorkspace_Is404AndTellsNothing()
    {
        using var response = await GetAsync($"/posts/{_othersPost}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Blake", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_BeyondTheKeysMinute_Are429WithRetryAfterAndOtherKeysGoOn()
    {
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= RequestsPerMinute && refused is null; i++)
        {
            var response = await GetAsync("/accounts");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
            Assert.Equal(ErrorCatalog.ApiRateLimited.Value, (await ProblemAsync(refused)).GetProperty("code").GetString());
        }

        var (_, other) = await CreateKeyAsync(_averyId);
        using var fresh = await GetAsync("/accounts", other);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Requests_AreCountedForTheirKeyAndDayWithTheirErrors()
    {
        (await GetAsync("/accounts")).Dispose();
        (await GetAsync("/posts")).Dispose();
        (await GetAsync("/posts?state=posted")).Dispose();

        var usage = await WaitForUsageAsync(3);

        Assert.Equal((3, 1), (usage.Requests, usage.Errors));
        var lastUsed = await _app.QueryAsync(db => db.ApiKeys.Where(k => k.Id == _keyId).Select(k => k.LastUsedAt).SingleAsync());
        Assert.NotNull(lastUsed);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpointWithBearerKeysAndNothingOfTheAppsOwnForms()
    {
        using var response = await _api.GetAsync(ApiEndpoints.OpenApiPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["/api/v1/accounts", "/api/v1/accounts/{id}/creator-info", "/api/v1/connect-links", "/api/v1/connect-links/{id}", "/api/v1/posts",
                "/api/v1/posts/{id}", "/api/v1/posts/{id}/cancel", "/api/v1/posts/{id}/retry", "/api/v1/uploads", "/api/v1/uploads/{id}", "/api/v1/uploads/{id}/content"],
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/posts").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task Docs_PageAndItsViewerAreServedUnderMidxsOwnPolicy()
    {
        using var page = await _api.GetAsync(ApiEndpoints.DocsPath);
        using var viewer = await _api.GetAsync(ApiDocs.ViewerPath);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"src=\"{ApiDocs.ViewerPath}\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal("text/javascript", viewer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("createApiReference", await viewer.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(Guid Id, string Key)> CreateKeyAsync(Guid userId)
    {
        var issued = await InScopeAsync(s => s.GetRequiredService<ApiKeyCommands>().CreateAsync(userId, userId, "Zapier", ApiScope.Read, null, CancellationToken.None));
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return (issued.KeyId!.Value, issued.Key!);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ApiEndpoints.BasePath + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? _key);
        return _api.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The key's count for today once the server has counted <paramref name="requests"/> (it counts after answering).</summary>
    private async Task<ApiKeyUsage> WaitForUsageAsync(int requests)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var usage = await _app.QueryAsync(db => db.ApiKeyUsage.AsNoTracking().SingleOrDefaultAsync(u => u.KeyId == _keyId));
            if (usage?.Requests >= requests)
            {
                return usage;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The key's {requests} requests were not counted.");
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
