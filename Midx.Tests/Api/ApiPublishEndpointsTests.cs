using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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
/// Posting through the API over real HTTP: an upload created and its bytes PUT, a post created from it with an
/// Idempotency-Key (once, however often and however concurrently it is sent), cancelled and retried; the workspace's
/// review rule; and every bad request a problem that creates nothing.
/// </summary>
public sealed class ApiPublishEndpointsTests : IAsyncLifetime
{
    private const string Consent = "By posting, you agree to TikTok's Music Usage Confirmation. [I agree]";

    // No worker: the posts stay as they were created.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });
    private readonly HttpClient _api;
    private Guid _averyId;
    private Guid _account;
    private string _key = "";
    private Guid _keyId;
    private string _blakesKey = "";

    public ApiPublishEndpointsTests() => _api = new HttpClient { BaseAddress = _app.ServerAddress };

    public async Task InitializeAsync()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        _account = await avery.LinkTikTokAsync("public");
        _averyId = (await _app.UserByEmailAsync("avery@sandbox.midx.test")).Id;
        (_keyId, _key) = await CreateKeyAsync(_averyId, ApiScope.Read | ApiScope.Publish);

        using var blake = await _app.SignInAsync("blake@sandbox.midx.test");
        await blake.LinkTikTokAsync("private");
        var blakeId = (await _app.UserByEmailAsync("blake@sandbox.midx.test")).Id;
        (_, _blakesKey) = await CreateKeyAsync(blakeId, ApiScope.Read | ApiScope.Publish);
    }

    [Fact]
    public async Task Upload_CreatedThenPut_IsReadyWithTheFactsReadFromItsBytes()
    {
        var waiting = await CreateUploadAsync("Beach day.mp4");
        Assert.Equal("waiting_for_bytes", waiting.GetProperty("state").GetString());

        using var put = await PutBytesAsync(waiting.GetProperty("uploadUrl").GetString()!, VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var ready = await JsonAsync(put);
        Assert.Equal(("ready", "Beach day.mp4", "video/mp4"), (ready.GetProperty("state").GetString(), ready.GetProperty("fileName").GetString(),
            ready.GetProperty("mimeType").GetString()));
        Assert.InRange(ready.GetProperty("durationMs").GetInt32(), 1900, 2100);
        using var read = await SendAsync(HttpMethod.Get, $"/uploads/{waiting.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds).Length, (await JsonAsync(read)).GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Upload_PutTwice_IsRefusedTheSecondTimeAndKeepsTheFirstVideo()
    {
        var waiting = await CreateUploadAsync("clip.mp4");
        var url = waiting.GetProperty("uploadUrl").GetString()!;
        (await PutBytesAsync(url, VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds))).Dispose();

        using var again = await PutBytesAsync(url, VideoFixtures.Bytes(VideoFixtures.WebMThreeSeconds));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ErrorCatalog.UploadAlreadyReceived.Value, await CodeAsync(again));
        using var read = await SendAsync(HttpMethod.Get, $"/uploads/{waiting.GetProperty("id").GetGuid()}");
        Assert.Equal("video/mp4", (await JsonAsync(read)).GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task Upload_OfTextRenamedMp4_Is422WithTheBrowsersWordsAndNothingKept()
    {
        var waiting = await CreateUploadAsync("notes.mp4");

        using var put = await PutBytesAsync(waiting.GetProperty("uploadUrl").GetString()!, VideoFixtures.Bytes(VideoFixtures.RenamedText));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        var problem = await JsonAsync(put);
        Assert.Equal(ErrorCatalog.NotAVideo.Value, problem.GetProperty("code").GetString());
        using var read = await SendAsync(HttpMethod.Get, $"/uploads/{waiting.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("another workspace")]
    public async Task Upload_PutWithAForgedLinkOrAnotherWorkspacesKey_Is403AndStoresNothing(string how)
    {
        var waiting = await CreateUploadAsync("clip.mp4");
        var url = waiting.GetProperty("uploadUrl").GetString()!;
        var (target, key) = how == "forged" ? (url[..(url.IndexOf("?t=", StringComparison.Ordinal) + 3)] + "bm90LWEtdG9rZW4", _key) : (url, _blakesKey);

        using var put = await PutBytesAsync(target, VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds), key);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(ErrorCatalog.UploadLinkInvalid.Value, await CodeAsync(put));
        using var read = await SendAsync(HttpMethod.Get, $"/uploads/{waiting.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Post_FromAnUpload_IsCreatedAsTheKeysWithTheConsentItsUserAgreedToAndCounted()
    {
        var uploadId = await UploadAsync();

        using var response = await CreatePostAsync("order-1001", Post(uploadId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var post = await JsonAsync(response);
        var id = post.GetProperty("id").GetGuid();
        Assert.Equal($"{ApiEndpoints.BasePath}/posts/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("queued", "direct", "file", "New drop #shop"), (post.GetProperty("state").GetString(), post.GetProperty("mode").GetString(),
            post.GetProperty("source").GetString(), post.GetProperty("caption").GetString()));
        var (job, consent) = await _app.QueryAsync(async db =>
            (await db.PublishJobs.SingleAsync(j => j.Id == id), await db.ConsentRecords.SingleAsync(c => c.JobId == id)));
        Assert.Equal((null, _keyId, _averyId), (job.UserId, job.ApiKeyId, job.WorkspaceId));
        Assert.Equal((null, _keyId, Consent, SharingGuidelineTexts.MusicUsageDeclaration),
            (consent.UserId, consent.ApiKeyId, consent.CallerConsentText, consent.DeclarationText));
        Assert.True(job.DisableComment && job.DisableDuet && job.DisableStitch);
        Assert.Equal(1, (await WaitForUsageAsync(u => u.PostsCreated >= 1)).PostsCreated);

        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var page = await avery.GetHtmlAsync(Midx.App.Publishing.JobPage.Url(id));
        Assert.StartsWith($"{PublishReview.ApiKeyName("Shop sync")} sent it", page.QuerySelector("[data-consent-given-by]")!.TextContent.Trim());
        Assert.Equal(Consent, page.QuerySelector("[data-consent-caller-text]")!.TextContent);
    }

    [Fact]
    public async Task Post_SentAgainWithTheSameIdempotencyKey_AnswersTheFirstPostAndCreatesNoOther()
    {
        var uploadId = await UploadAsync();
        using var first = await CreatePostAsync("order-1002", Post(uploadId));

        using var again = await CreatePostAsync("order-1002", Post(uploadId));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetGuid(), (await JsonAsync(again)).GetProperty("id").GetGuid());
        Assert.Single(await _app.JobsAsync());
    }

    [Fact]
    public async Task Post_SentEightTimesAtOnceWithOneIdempotencyKey_IsOnePost()
    {
        var uploadId = await UploadAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CreatePostAsync("order-1003", Post(uploadId))));

        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                ids.Add((await JsonAsync(response)).GetProperty("id").GetGuid());
            }
        }

        Assert.Single(ids.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(await _app.JobsAsync());
    }

    [Fact]
    public async Task Post_WithAnIdempotencyKeyUsedForAnotherPost_Is422AndCreatesNothing()
    {
        var uploadId = await UploadAsync();
        (await CreatePostAsync("order-1004", Post(uploadId))).Dispose();

        using var other = await CreatePostAsync("order-1004", Post(uploadId, mode: "inbox", privacyLevel: null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(ErrorCatalog.IdempotencyKeyReused.Value, await CodeAsync(other));
        Assert.Single(await _app.JobsAsync());
    }

    [Fact]
    public async Task Post_WhereTheWorkspaceAsksForReview_WaitsForApproval()
    {
        await _app.QueryAsync(db => db.Workspaces.Where(w => w.Id == _averyId).ExecuteUpdateAsync(w => w.SetProperty(x => x.RequiresReview, true)));
        var uploadId = await UploadAsync();

        using var response = await CreatePostAsync("order-1005", Post(uploadId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("awaiting_review", (await JsonAsync(response)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Post_WithAReadOnlyKey_Is403NamingTheScopeAndCreatesNothing()
    {
        var (_, readOnly) = await CreateKeyAsync(_averyId, ApiScope.Read);
        var uploadId = await UploadAsync();

        using var response = await CreatePostAsync("order-1006", Post(uploadId), readOnly);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal(ErrorCatalog.ApiScopeMissing.Value, problem.GetProperty("code").GetString());
        Assert.Contains("\"publish\"", problem.GetProperty("detail").GetString());
        Assert.Empty(await _app.JobsAsync());
    }

    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "malformed JSON", "{\"accountId\": ", 400, ErrorCatalog.ApiInvalidBody.Value },
        { "a field Midx does not know", "{\"allow_comment\": true}", 400, ErrorCatalog.ApiInvalidBody.Value },
        { "no account", "{\"mode\": \"inbox\", \"videoUrl\": \"https://cdn.example.com/a.mp4\"}", 400, ErrorCatalog.ApiInvalidBody.Value },
        { "no video", "{\"accountId\": \"{account}\", \"mode\": \"inbox\"}", 400, ErrorCatalog.ApiInvalidBody.Value },
        { "a time without its zone", "{\"accountId\": \"{account}\", \"mode\": \"inbox\", \"uploadId\": \"{upload}\", \"scheduledAt\": \"2030-01-01T10:00:00\"}", 400, ErrorCatalog.ApiInvalidBody.Value },
        { "an unknown account", "{\"accountId\": \"" + Guid.Empty + "\", \"mode\": \"inbox\", \"uploadId\": \"{upload}\", \"consentText\": \"yes\"}", 404, ErrorCatalog.AccountNotFound.Value },
        { "an upload that is not here", "{\"accountId\": \"{account}\", \"mode\": \"inbox\", \"uploadId\": \"" + Guid.Empty + "\", \"consentText\": \"yes\"}", 422, ErrorCatalog.VideoMissing.Value },
        { "no consent text", "{\"accountId\": \"{account}\", \"mode\": \"inbox\", \"uploadId\": \"{upload}\"}", 422, ErrorCatalog.ConsentMissing.Value },
        { "a privacy level the creator does not offer", "{\"accountId\": \"{account}\", \"mode\": \"direct\", \"privacyLevel\": \"EVERYONE_ON_MARS\", \"uploadId\": \"{upload}\", \"consentText\": \"yes\"}", 422, ErrorCatalog.PrivacyNotOffered.Value },
        { "a caption past TikTok's limit", "{\"accountId\": \"{account}\", \"mode\": \"inbox\", \"uploadId\": \"{upload}\", \"consentText\": \"yes\", \"caption\": \"" + new string('a', PublishRequestRules.MaxCaptionLength + 1) + "\"}", 422, ErrorCatalog.CaptionTooLong.Value },
        { "a body past 64 KB", "{\"caption\": \"" + new string('a', 70 * 1024) + "\"}", 413, ErrorCatalog.ApiInvalidBody.Value },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_WithABadBody_IsAProblemSayingWhatIsWrongAndCreatesNothing(string what, string json, int status, string code)
    {
        var uploadId = await UploadAsync();
        var body = json.Replace("{account}", _account.ToString(), StringComparison.Ordinal).Replace("{upload}", uploadId.ToString(), StringComparison.Ordinal);

        using var response = await CreatePostAsync("order-bad", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(status == (int)response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Empty(await _app.JobsAsync());
    }

    [Fact]
    public async Task Post_WithoutAnIdempotencyKey_Is400AndCreatesNothing()
    {
        var uploadId = await UploadAsync();

        using var response = await CreatePostAsync(null, Post(uploadId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCatalog.IdempotencyKeyInvalid.Value, await CodeAsync(response));
        Assert.Empty(await _app.JobsAsync());
    }

    [Fact]
    public async Task Cancel_AScheduledPost_CancelsItOnceAndSaysSoTheSecondTime()
    {
        var id = await CreateScheduledPostAsync("order-1007");

        using var cancelled = await SendAsync(HttpMethod.Post, $"/posts/{id}/cancel");
        using var again = await SendAsync(HttpMethod.Post, $"/posts/{id}/cancel");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await JsonAsync(cancelled)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ErrorCatalog.NotCancellable.Value, await CodeAsync(again));
        var history = await _app.QueryAsync(db => db.PublishEvents.Where(e => e.JobId == id && e.State == JobState.Cancelled).Select(e => e.Message).SingleAsync());
        Assert.StartsWith($"Cancelled by {PublishReview.ApiKeyName("Shop sync")}.", history);
    }

    [Fact]
    public async Task CancelAndRetry_OfAnotherWorkspacesPost_Are404AndChangeNothing()
    {
        var id = await CreateScheduledPostAsync("order-1008");

        using var cancel = await SendAsync(HttpMethod.Post, $"/posts/{id}/cancel", _blakesKey);
        using var retry = await SendAsync(HttpMethod.Post, $"/posts/{id}/retry", _blakesKey);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (cancel.StatusCode, retry.StatusCode));
        Assert.Equal(JobState.Scheduled, (await _app.QueryAsync(db => db.PublishJobs.SingleAsync(j => j.Id == id))).State);
    }

    [Fact]
    public async Task Retry_OfAFailedPost_IsOneNewAttemptPointingBack()
    {
        var id = await CreateScheduledPostAsync("order-1009");
        await _app.UpdateJobAsync(id, j => (j.State, j.ErrorCode) = (JobState.Failed, ErrorCatalog.InternalError.Value));

        using var retried = await SendAsync(HttpMethod.Post, $"/posts/{id}/retry");
        using var again = await SendAsync(HttpMethod.Post, $"/posts/{id}/retry");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (retried.StatusCode, again.StatusCode));
        var attempt = await JsonAsync(retried);
        Assert.Equal((id, "queued"), (attempt.GetProperty("retryOf").GetGuid(), attempt.GetProperty("state").GetString()));
        Assert.Equal(attempt.GetProperty("id").GetGuid(), (await JsonAsync(again)).GetProperty("id").GetGuid());
        Assert.Equal(2, (await _app.JobsAsync()).Count);
    }

    [Fact]
    public async Task OpenApiDocument_SaysWhichScopeEachPostingEndpointNeedsAndShowsExampleBodies()
    {
        using var response = await _api.GetAsync(ApiEndpoints.OpenApiPath);

        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var create = paths.GetProperty("/api/v1/posts").GetProperty("post");
        Assert.Contains("Needs the `publish` scope.", create.GetProperty("description").GetString());
        Assert.Equal(ApiExamples.AccountId, create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("accountId").GetGuid());
        Assert.Equal("scheduled", create.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("state").GetString());
        Assert.Contains("Needs the `read` scope.", paths.GetProperty("/api/v1/posts").GetProperty("get").GetProperty("description").GetString());
        Assert.True(paths.GetProperty("/api/v1/uploads/{id}/content").TryGetProperty("put", out _));
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private object Post(Guid uploadId, string mode = "direct", string? privacyLevel = "SELF_ONLY", DateTime? scheduledAt = null) => new
    {
        accountId = _account,
        mode,
        uploadId,
        caption = "New drop #shop",
        privacyLevel,
        scheduledAt,
        consentText = Consent,
    };

    private async Task<Guid> CreateScheduledPostAsync(string idempotencyKey)
    {
        using var response = await CreatePostAsync(idempotencyKey, Post(await UploadAsync(), scheduledAt: DateTime.UtcNow.AddHours(2)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> UploadAsync()
    {
        var waiting = await CreateUploadAsync("drop.mp4");
        using var put = await PutBytesAsync(waiting.GetProperty("uploadUrl").GetString()!, VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return waiting.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> CreateUploadAsync(string fileName)
    {
        using var request = Request(HttpMethod.Post, "/uploads", _key);
        request.Content = JsonContent.Create(new { fileName });
        using var response = await _api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    private Task<HttpResponseMessage> PutBytesAsync(string uploadUrl, byte[] bytes, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? _key);
        return _api.SendAsync(request);
    }

    private Task<HttpResponseMessage> CreatePostAsync(string? idempotencyKey, object body, string? key = null)
    {
        var request = Request(HttpMethod.Post, "/posts", key ?? _key);
        request.Content = body as HttpContent ?? JsonContent.Create(body);
        if (idempotencyKey is not null)
        {
            request.Headers.Add(ApiPublishEndpoints.IdempotencyKeyHeader, idempotencyKey);
        }

        return _api.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = null) => _api.SendAsync(Request(method, path, key ?? _key));

    private static HttpRequestMessage Request(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, ApiEndpoints.BasePath + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    private async Task<(Guid Id, string Key)> CreateKeyAsync(Guid userId, ApiScope scopes)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyCommands>().CreateAsync(userId, userId, "Shop sync", scopes, null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return (issued.KeyId!.Value, issued.Key!);
    }

    /// <summary>The key's count for today once the server has counted it (it counts after answering).</summary>
    private async Task<ApiKeyUsage> WaitForUsageAsync(Func<ApiKeyUsage, bool> counted)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var usage = await _app.QueryAsync(db => db.ApiKeyUsage.AsNoTracking().SingleOrDefaultAsync(u => u.KeyId == _keyId));
            if (usage is not null && counted(usage))
            {
                return usage;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The key's use was not counted.");
    }
}
