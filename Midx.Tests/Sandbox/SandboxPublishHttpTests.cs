using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Midx.Tests.Sandbox;

public sealed class SandboxPublishHttpTests(SandboxTikTokApp app) : IClassFixture<SandboxTikTokApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object DirectBody(long size, long chunk, long count, string privacy = "PUBLIC_TO_EVERYONE") => new
    {
        post_info = new { title = "a #cat video", privacy_level = privacy, disable_comment = false, disable_duet = false, disable_stitch = false, brand_content_toggle = false, brand_organic_toggle = false },
        source_info = new { source = "FILE_UPLOAD", video_size = size, chunk_size = chunk, total_chunk_count = count },
    };

    private async Task<(string PublishId, string UploadUrl)> InitDirectAsync(TokenSet tokens, long size, long chunk, long count, string privacy = "PUBLIC_TO_EVERYONE")
    {
        var response = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, DirectBody(size, chunk, count, privacy));
        var (status, code, data, _) = await SandboxTikTokApp.ReadEnvelopeAsync(response);
        Assert.Equal((200, "ok"), (status, code));
        return (data.GetProperty("publish_id").GetString()!, data.GetProperty("upload_url").GetString()!);
    }

    private async Task<JsonElement> StatusAsync(TokenSet tokens, string publishId)
    {
        var response = await app.PostJsonAsync("/v2/post/publish/status/fetch/", tokens.AccessToken, new { publish_id = publishId });
        var (status, code, data, _) = await SandboxTikTokApp.ReadEnvelopeAsync(response);
        Assert.Equal((200, "ok"), (status, code));
        return data;
    }

    private static byte[] RandomVideo(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task CreatorInfo_PerFixture_ReflectsAccountSettings()
    {
        var publicInfo = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", (await app.TokensAsync("public")).AccessToken))).Data;
        var privateInfo = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", (await app.TokensAsync("private")).AccessToken))).Data;
        var restricted = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", (await app.TokensAsync("restricted")).AccessToken))).Data;
        var shortInfo = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", (await app.TokensAsync("short")).AccessToken))).Data;

        Assert.Equal(["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], publicInfo.GetProperty("privacy_level_options").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("avery.creates", publicInfo.GetProperty("creator_username").GetString());
        Assert.Equal("Avery Stone", publicInfo.GetProperty("creator_nickname").GetString());
        Assert.StartsWith(app.Origin + "/sandbox/tiktok/avatars/", publicInfo.GetProperty("creator_avatar_url").GetString());
        Assert.Equal(["FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], privateInfo.GetProperty("privacy_level_options").EnumerateArray().Select(e => e.GetString()));
        Assert.True(privateInfo.GetProperty("duet_disabled").GetBoolean());
        Assert.False(privateInfo.GetProperty("comment_disabled").GetBoolean());
        Assert.True(restricted.GetProperty("comment_disabled").GetBoolean());
        Assert.True(restricted.GetProperty("stitch_disabled").GetBoolean());
        Assert.Equal(60, shortInfo.GetProperty("max_video_post_duration_sec").GetInt32());
    }

    [Theory]
    [InlineData("banned", "spam_risk_user_banned_from_posting")]
    [InlineData("capped", "spam_risk_too_many_posts")]
    public async Task CreatorInfo_CreatorWhoCannotPost_AnswersHttp200WithErrorCode(string creator, string code)
    {
        var response = await app.ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", (await app.TokensAsync(creator)).AccessToken);

        Assert.Equal((200, code), ((int)response.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Code));
    }

    [Fact]
    public async Task CreatorInfo_WithoutVideoPublishScope_IsScopeNotAuthorized()
    {
        var tokens = await app.TokensAsync("public", "user.info.basic", "video.upload");

        var response = await app.ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", tokens.AccessToken);

        Assert.Equal((401, "scope_not_authorized"), ((int)response.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Code));
    }

    [Fact]
    public async Task DirectPost_MultiChunkUploadWithA503Retry_CompletesAndPublishesAfterModeration()
    {
        var tokens = await app.TokensAsync();
        var video = RandomVideo(64_000_001);
        var (publishId, uploadUrl) = await InitDirectAsync(tokens, video.Length, 10_000_000, 6);
        await app.ArmFaultAsync(new { endpoint = "upload", status = 503, skip = 2, count = 1 });

        var statuses = new List<int>();
        string? lastRange = null;
        for (var i = 0; i < 6; i++)
        {
            var first = i * 10_000_000L;
            var last = i == 5 ? video.Length - 1 : first + 9_999_999;
            var response = await app.PutChunkAsync(uploadUrl, video, first, last);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                statuses.Add(503);
                response = await app.PutChunkAsync(uploadUrl, video, first, last);
            }

            statuses.Add((int)response.StatusCode);
            lastRange = response.Content.Headers.ContentRange?.ToString();
            if (i == 3)
            {
                Assert.Equal("PROCESSING_UPLOAD", (await StatusAsync(tokens, publishId)).GetProperty("status").GetString());
                Assert.Equal(40_000_000, (await StatusAsync(tokens, publishId)).GetProperty("uploaded_bytes").GetInt64());
            }
        }

        var view = await app.ViewAsync(publishId);
        var processing = await StatusAsync(tokens, publishId);
        await app.AdvanceAsync(3);
        var complete = await StatusAsync(tokens, publishId);
        await app.AdvanceAsync(5);
        var published = await StatusAsync(tokens, publishId);

        Assert.StartsWith(app.Origin + "/sandbox/tiktok-upload/video/?upload_id=", uploadUrl);
        Assert.StartsWith("v_pub_file~v2-1.", publishId);
        Assert.Equal([206, 206, 503, 206, 206, 206, 201], statuses);
        Assert.Equal("bytes 0-64000000/64000001", lastRange);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(video)), view.GetProperty("sha256").GetString());
        Assert.Equal("PROCESSING_UPLOAD", processing.GetProperty("status").GetString());
        Assert.Equal("PUBLISH_COMPLETE", complete.GetProperty("status").GetString());
        Assert.Equal(0, complete.GetProperty("publicaly_available_post_id").GetArrayLength());
        Assert.Equal(1, published.GetProperty("publicaly_available_post_id").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, published.GetProperty("publicaly_available_post_id")[0].ValueKind);
    }

    [Fact]
    public async Task Upload_OutOfOrderBadHeadersExpiredAndUnknown_AnswerTikToksStatuses()
    {
        var tokens = await app.TokensAsync();
        var video = RandomVideo(3_145_728);
        var (_, uploadUrl) = await InitDirectAsync(tokens, video.Length, video.Length, 1);

        var wrongType = await app.PutChunkAsync(uploadUrl, video, 0, video.Length - 1, contentType: "application/octet-stream");
        var partial = await app.PutChunkAsync(uploadUrl, video, 0, 1_000_000);
        var unknown = await app.PutChunkAsync(uploadUrl.Replace("upload_token=", "upload_token=x"), video, 0, video.Length - 1);
        await app.AdvanceAsync(3600);
        var expired = await app.PutChunkAsync(uploadUrl, video, 0, video.Length - 1);

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, partial.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task VideoInit_InvalidChunkPlan_IsInvalidParamsWithTikToksMessage()
    {
        var tokens = await app.TokensAsync();

        var response = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, DirectBody(100_000_000, 100_000_000, 1));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_params", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("The chunk size is invalid", json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task VideoInit_SeventhCallInAMinute_IsRateLimitedUntilTheWindowSlides()
    {
        var tokens = await app.TokensAsync();
        for (var i = 0; i < 6; i++)
        {
            await InitDirectAsync(tokens, 4_194_304, 4_194_304, 1);
        }

        var limited = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, DirectBody(4_194_304, 4_194_304, 1));
        var otherToken = await app.PostJsonAsync("/v2/post/publish/video/init/", (await app.TokensAsync("private")).AccessToken, DirectBody(4_194_304, 4_194_304, 1, "SELF_ONLY"));
        await app.AdvanceAsync(60);
        var later = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, DirectBody(4_194_304, 4_194_304, 1));

        Assert.Equal((429, "rate_limit_exceeded"), ((int)limited.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(limited)).Code));
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task VideoInit_UnauditedClientPublicAccount_IsRefusedAndPrivateAccountIsForcedPrivate()
    {
        await app.SetSwitchesAsync(new { audited = false });

        var publicAccount = await app.PostJsonAsync("/v2/post/publish/video/init/", (await app.TokensAsync("public")).AccessToken, DirectBody(4_194_304, 4_194_304, 1, "SELF_ONLY"));
        var (publishId, _) = await InitDirectAsync(await app.TokensAsync("private"), 4_194_304, 4_194_304, 1, "FOLLOWER_OF_CREATOR");

        Assert.Equal((403, "unaudited_client_can_only_post_to_private_accounts"), ((int)publicAccount.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(publicAccount)).Code));
        Assert.Equal("SELF_ONLY", (await app.ViewAsync(publishId)).GetProperty("effectivePrivacy").GetString());
    }

    [Theory]
    [InlineData("banned", "PUBLIC_TO_EVERYONE", "spam_risk_user_banned_from_posting")]
    [InlineData("capped", "PUBLIC_TO_EVERYONE", "spam_risk_too_many_posts")]
    [InlineData("public", "FOLLOWER_OF_CREATOR", "privacy_level_option_mismatch")]
    public async Task VideoInit_AccountStateOrPrivacy_IsRefusedWith403(string creator, string privacy, string code)
    {
        var response = await app.PostJsonAsync("/v2/post/publish/video/init/", (await app.TokensAsync(creator)).AccessToken, DirectBody(4_194_304, 4_194_304, 1, privacy));

        Assert.Equal((403, code), ((int)response.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Code));
    }

    [Fact]
    public async Task CappedCreator_After24Hours_CanPostAgain()
    {
        await app.AdvanceAsync(24 * 3600);
        var tokens = await app.TokensAsync("capped");

        var response = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, DirectBody(4_194_304, 4_194_304, 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task InboxUpload_DraftWaitsInInboxUntilTheUserPostsIt()
    {
        var tokens = await app.TokensAsync();
        var video = RandomVideo(3_145_728);
        var init = await app.PostJsonAsync("/v2/post/publish/inbox/video/init/", tokens.AccessToken,
            new { source_info = new { source = "FILE_UPLOAD", video_size = video.Length, chunk_size = video.Length, total_chunk_count = 1 } });
        var data = (await SandboxTikTokApp.ReadEnvelopeAsync(init)).Data;
        var publishId = data.GetProperty("publish_id").GetString()!;

        var put = await app.PutChunkAsync(data.GetProperty("upload_url").GetString()!, video, 0, video.Length - 1);
        await app.AdvanceAsync(3);
        var delivered = await StatusAsync(tokens, publishId);
        var posted = await app.Client.PostAsync($"{SandboxTikTokApp.Base}/__test/publishes/{Uri.EscapeDataString(publishId)}/user-posted", null);
        var complete = await StatusAsync(tokens, publishId);
        var again = await app.Client.PostAsync($"{SandboxTikTokApp.Base}/__test/publishes/{Uri.EscapeDataString(publishId)}/user-posted", null);

        Assert.StartsWith("v_inbox_file~v2.", publishId);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("SEND_TO_USER_INBOX", delivered.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("PUBLISH_COMPLETE", complete.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task InboxUpload_SixthPendingShare_IsRefused()
    {
        var tokens = await app.TokensAsync();
        var body = new { source_info = new { source = "PULL_FROM_URL", video_url = "https://media.sandbox.midx.test/v.mp4" } };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostJsonAsync("/v2/post/publish/inbox/video/init/", tokens.AccessToken, body)).StatusCode);
            await app.AdvanceAsync(13);
        }

        var sixth = await app.PostJsonAsync("/v2/post/publish/inbox/video/init/", tokens.AccessToken, body);

        Assert.Equal((403, "spam_risk_too_many_pending_share"), ((int)sixth.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(sixth)).Code));
    }

    [Fact]
    public async Task PullFromUrl_UnverifiedDomain_IsUrlOwnershipUnverified()
    {
        var response = await app.PostJsonAsync("/v2/post/publish/video/init/", (await app.TokensAsync()).AccessToken, new
        {
            post_info = new { privacy_level = "SELF_ONLY" },
            source_info = new { source = "PULL_FROM_URL", video_url = "https://cdn.example.com/v.mp4" },
        });

        Assert.Equal((403, "url_ownership_unverified"), ((int)response.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(response)).Code));
    }

    [Fact]
    public async Task Scenario_FailReasonQueued_NextPublishFailsWithIt()
    {
        var tokens = await app.TokensAsync();
        (await app.Client.PostAsJsonAsync(SandboxTikTokApp.Base + "/__test/publish-scenario", new { failReason = "picture_size_check_failed", processingSeconds = 1 })).EnsureSuccessStatusCode();
        var init = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, new
        {
            post_info = new { privacy_level = "SELF_ONLY" },
            source_info = new { source = "PULL_FROM_URL", video_url = "https://media.sandbox.midx.test/v.mp4" },
        });
        var publishId = (await SandboxTikTokApp.ReadEnvelopeAsync(init)).Data.GetProperty("publish_id").GetString()!;

        var downloading = await StatusAsync(tokens, publishId);
        await app.AdvanceAsync(1);
        var failed = await StatusAsync(tokens, publishId);

        Assert.StartsWith("v_pub_url~v2.", publishId);
        Assert.Equal("PROCESSING_DOWNLOAD", downloading.GetProperty("status").GetString());
        Assert.True(downloading.TryGetProperty("downloaded_bytes", out _));
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal("picture_size_check_failed", failed.GetProperty("fail_reason").GetString());
    }

    [Fact]
    public async Task Cancel_DownloadInProgress_FailsWithPublishCancelled()
    {
        var tokens = await app.TokensAsync();
        var init = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, new
        {
            post_info = new { privacy_level = "SELF_ONLY" },
            source_info = new { source = "PULL_FROM_URL", video_url = "https://media.sandbox.midx.test/v.mp4" },
        });
        var publishId = (await SandboxTikTokApp.ReadEnvelopeAsync(init)).Data.GetProperty("publish_id").GetString()!;

        var cancel = await app.PostJsonAsync("/v2/post/publish/cancel/", tokens.AccessToken, new { publish_id = publishId });
        var again = await app.PostJsonAsync("/v2/post/publish/cancel/", tokens.AccessToken, new { publish_id = publishId });
        var status = await StatusAsync(tokens, publishId);

        Assert.Equal("ok", (await SandboxTikTokApp.ReadEnvelopeAsync(cancel)).Code);
        Assert.Equal("publish_not_cancellable", (await SandboxTikTokApp.ReadEnvelopeAsync(again)).Code);
        Assert.Equal("publish_cancelled", status.GetProperty("fail_reason").GetString());
    }

    [Fact]
    public async Task StatusFetch_UnknownOrSomeoneElsesPublishId_IsRefused()
    {
        var owner = await app.TokensAsync("public");
        var stranger = await app.TokensAsync("private");
        var (publishId, _) = await InitDirectAsync(owner, 4_194_304, 4_194_304, 1);

        var unknown = await app.PostJsonAsync("/v2/post/publish/status/fetch/", owner.AccessToken, new { publish_id = "v_pub_file~v2-1.1" });
        var foreign = await app.PostJsonAsync("/v2/post/publish/status/fetch/", stranger.AccessToken, new { publish_id = publishId });

        Assert.Equal((400, "invalid_publish_id"), ((int)unknown.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(unknown)).Code));
        Assert.Equal((400, "token_not_authorized_for_specified_publish_id"), ((int)foreign.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(foreign)).Code));
    }

    [Fact]
    public async Task Fault_ArmedForStatusFetch_Answers500EnvelopeOnceThenRecovers()
    {
        var tokens = await app.TokensAsync();
        var (publishId, _) = await InitDirectAsync(tokens, 4_194_304, 4_194_304, 1);
        await app.ArmFaultAsync(new { endpoint = "status_fetch", status = 500 });

        var faulted = await app.PostJsonAsync("/v2/post/publish/status/fetch/", tokens.AccessToken, new { publish_id = publishId });
        var recovered = await app.PostJsonAsync("/v2/post/publish/status/fetch/", tokens.AccessToken, new { publish_id = publishId });

        Assert.Equal((500, "internal_error"), ((int)faulted.StatusCode, (await SandboxTikTokApp.ReadEnvelopeAsync(faulted)).Code));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task VideoList_AfterAPublicPost_ListsItNewestFirstAndPagesByCursor()
    {
        var tokens = await app.TokensAsync();
        var video = RandomVideo(3_145_728);
        var (publishId, uploadUrl) = await InitDirectAsync(tokens, video.Length, video.Length, 1);
        await app.PutChunkAsync(uploadUrl, video, 0, video.Length - 1);
        await app.AdvanceAsync(8);
        var postId = (await StatusAsync(tokens, publishId)).GetProperty("publicaly_available_post_id")[0].GetInt64();

        var first = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.PostJsonAsync("/v2/video/list/?fields=id,title,create_time,cover_image_url", tokens.AccessToken, new { max_count = 2 }))).Data;
        var second = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.PostJsonAsync("/v2/video/list/?fields=id", tokens.AccessToken, new { max_count = 20, cursor = first.GetProperty("cursor").GetInt64() }))).Data;
        var query = (await SandboxTikTokApp.ReadEnvelopeAsync(await app.PostJsonAsync("/v2/video/query/?fields=id,share_url", tokens.AccessToken, new { filters = new { video_ids = new[] { postId.ToString(System.Globalization.CultureInfo.InvariantCulture), "123" } } }))).Data;

        var firstIds = first.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Equal(postId.ToString(System.Globalization.CultureInfo.InvariantCulture), firstIds[0]);
        Assert.Equal("a #cat video", first.GetProperty("videos")[0].GetProperty("title").GetString());
        Assert.Equal(2, firstIds.Count);
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(2, second.GetProperty("videos").GetArrayLength());
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.DoesNotContain(second.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("id").GetString()), firstIds.Contains);
        Assert.Equal(1, query.GetProperty("videos").GetArrayLength());
        Assert.Equal($"https://www.tiktok.com/@avery.creates/video/{postId}", query.GetProperty("videos")[0].GetProperty("share_url").GetString());
    }

    [Fact]
    public async Task Switches_UnknownName_IsRejectedAndNothingChanges()
    {
        var response = await app.Client.PostAsJsonAsync(SandboxTikTokApp.Base + "/__test/switches", new { audited = false, noSuchSwitch = 1 });
        var switches = await app.Client.GetFromJsonAsync<JsonElement>(SandboxTikTokApp.Base + "/__test/switches");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(switches.GetProperty("audited").GetBoolean());
    }
}
