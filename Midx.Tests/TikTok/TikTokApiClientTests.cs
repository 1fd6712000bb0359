using System.Net;
using System.Text.Json;
using Midx.Core.Errors;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

public sealed class TikTokApiClientTests
{
    private const string AccessToken = "act.9db86c59fab331b4f8b4c516ae66a960Nn4RYBnDsdkVlzDowUoDG4Gwt7TW!5259";
    private const string RefreshToken = "rft.e10a897yu15f821ab5f08stuart1fc9f245qgUitnFeEvbWq4ZBoemE36DKZABC!5294";
    private const string AuthorizationCode = "wFPH5DePZMb07BPJvpWi-BELY*0!6410";
    private const string Verifier = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._~";

    private const string TokenJson = """
        {"access_token":"act.9db86c59fab331b4f8b4c516ae66a960Nn4RYBnDsdkVlzDowUoDG4Gwt7TW!5259","expires_in":7200,
         "open_id":"afd97af1-b87b-48b9-ac98-410aghda5344","refresh_expires_in":15552000,
         "refresh_token":"rft.e10a897yu15f821ab5f08stuart1fc9f245qgUitnFeEvbWq4ZBoemE36DKZABC!5294",
         "scope":"user.info.basic,video.list","token_type":"Bearer"}
        """;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public void AuthorizeUrl_Always_UsesClientKeyCommaScopesAndHexPkce()
    {
        var client = TikTokClientBuilder.Create(new ScriptedHttpHandler());

        var url = client.AuthorizeUrl("state-123", "abc123", "https://midx.test/tiktok/callback");

        Assert.Equal("https://www.tiktok.test/v2/auth/authorize/", url.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(TikTokClientBuilder.ClientKey, query["client_key"]);
        Assert.Null(query["client_id"]);
        Assert.Equal(TikTokOptions.DefaultScopes, query["scope"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("https://midx.test/tiktok/callback", query["redirect_uri"]);
        Assert.Equal("state-123", query["state"]);
        Assert.Equal("abc123", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
    }

    [Fact]
    public void AuthorizeUrl_InboxDraftsOnly_AsksForEveryConfiguredScopeButDirectPosts()
    {
        var client = TikTokClientBuilder.Create(new ScriptedHttpHandler(), o => o.InboxDraftsOnly = true);

        var url = client.AuthorizeUrl("state-123", "abc123", "https://midx.test/tiktok/callback");

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("user.info.basic,user.info.profile,video.upload,video.list", query["scope"]);
    }

    [Fact]
    public async Task ExchangeCodeAsync_Success_PostsFormWithClientKeyAndVerifierAndReadsGrant()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, TokenJson, r => r.Headers.Add("x-tt-logid", "LOG1"));
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.ExchangeCodeAsync(AuthorizationCode, "https://midx.test/tiktok/callback", Verifier, Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(AccessToken, result.Value.AccessToken);
        Assert.Equal(RefreshToken, result.Value.RefreshToken);
        Assert.Equal(7200, result.Value.ExpiresIn);
        Assert.Equal(15552000, result.Value.RefreshExpiresIn);
        Assert.Equal(["user.info.basic", "video.list"], result.Value.Scopes);
        Assert.Equal("LOG1", result.LogId);
        var request = handler.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.tiktok.test/prefix/v2/oauth/token/", request.Uri.ToString());
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentHeaders["Content-Type"]);
        var form = request.Form();
        Assert.Equal(TikTokClientBuilder.ClientKey, form["client_key"]);
        Assert.Equal(TikTokClientBuilder.ClientSecret, form["client_secret"]);
        Assert.Equal(AuthorizationCode, form["code"]);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("https://midx.test/tiktok/callback", form["redirect_uri"]);
        Assert.Equal(Verifier, form["code_verifier"]);
        Assert.False(form.ContainsKey("client_id"));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task ExchangeCodeAsync_OAuthErrorBody_ReturnsTypedErrorWhateverTheStatus(HttpStatusCode status)
    {
        var handler = new ScriptedHttpHandler().Reply(status,
            """{"error":"invalid_grant","error_description":"Authorization code is expired.","log_id":"202206221854370101130062072500FFA2"}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.ExchangeCodeAsync(AuthorizationCode, "https://midx.test/cb", Verifier, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal("invalid_grant", result.Error.Code.Value);
        Assert.Equal(TikTokErrorKind.Reconnect, result.Error.Kind);
        Assert.Equal("Authorization code is expired.", result.Error.TikTokMessage);
        Assert.Equal("202206221854370101130062072500FFA2", result.LogId);
        Assert.Equal((int)status, result.Error.HttpStatus);
    }

    [Fact]
    public async Task RefreshTokenAsync_Success_PostsRefreshGrantAndKeepsRotatedToken()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, TokenJson);
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.RefreshTokenAsync("rft.old-token!0001", Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(RefreshToken, result.Value.RefreshToken);
        var form = handler.Single().Form();
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("rft.old-token!0001", form["refresh_token"]);
        Assert.Equal(TikTokClientBuilder.ClientKey, form["client_key"]);
        Assert.Equal(TikTokClientBuilder.ClientSecret, form["client_secret"]);
    }

    [Fact]
    public async Task RefreshTokenAsync_SuccessStatusWithoutToken_ReturnsUnexpectedResponse()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, """{"open_id":"x"}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.RefreshTokenAsync("rft.old-token!0001", Ct);

        Assert.Equal(ErrorCatalog.UnexpectedResponse, result.Error?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public async Task RevokeAsync_EmptyOrBlankObject_Succeeds(string? body)
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, body);
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.RevokeAsync(AccessToken, Ct);

        Assert.True(result.IsSuccess);
        var request = handler.Single();
        Assert.Equal("https://api.tiktok.test/prefix/v2/oauth/revoke/", request.Uri.ToString());
        Assert.Equal(AccessToken, request.Form()["token"]);
        Assert.Equal(TikTokClientBuilder.ClientSecret, request.Form()["client_secret"]);
    }

    [Fact]
    public async Task RevokeAsync_OAuthError_ReturnsError()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.BadRequest,
            """{"error":"invalid_client","error_description":"Client key or secret is incorrect.","log_id":"L2"}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.RevokeAsync(AccessToken, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(TikTokErrorKind.OperatorConfig, result.Error.Kind);
        Assert.Equal("L2", result.LogId);
    }

    [Fact]
    public async Task GetUserInfoAsync_Success_SendsBearerAndFieldsAndReadsUser()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, """
            {"data":{"user":{"open_id":"723f24d7","union_id":"c9c60f44","avatar_url":"https://p16.test/a.jpg","avatar_url_100":"https://p16.test/a100.jpg",
             "display_name":"Tik Toker","username":"tiktoker","is_verified":false}},
             "error":{"code":"ok","message":"","log_id":"20220829194722CBE87ED59D524E727021"}}
            """);
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.GetUserInfoAsync(AccessToken, ["open_id", "union_id", "avatar_url", "avatar_url_100", "display_name", "username"], Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("723f24d7", result.Value.OpenId);
        Assert.Equal("c9c60f44", result.Value.UnionId);
        Assert.Equal("https://p16.test/a100.jpg", result.Value.AvatarUrl100);
        Assert.Equal("Tik Toker", result.Value.DisplayName);
        Assert.Equal("tiktoker", result.Value.Username);
        Assert.Equal("20220829194722CBE87ED59D524E727021", result.LogId);
        var request = handler.Single();
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("Bearer " + AccessToken, request.Authorization);
        Assert.Equal("/prefix/v2/user/info/", request.Uri.AbsolutePath);
        Assert.Equal("open_id,union_id,avatar_url,avatar_url_100,display_name,username", System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["fields"]);
    }

    [Fact]
    public async Task GetUserInfoAsync_ScopePermissionMissed_ReturnsReconnectError()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.BadRequest,
            """{"data":{},"error":{"code":"scope_permission_missed","message":"some fields need additional scopes","log_id":"L3"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.GetUserInfoAsync(AccessToken, ["username"], Ct);

        Assert.Equal(ErrorCatalog.ScopePermissionMissed, result.Error?.Code);
        Assert.Equal(TikTokErrorKind.Reconnect, result.Error?.Kind);
        Assert.Equal("some fields need additional scopes", result.Error?.TikTokMessage);
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_Success_SendsEmptyJsonPostAndReadsOptions()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, """
            {"data":{"creator_avatar_url":"https://lf16.test/a","creator_username":"tiktok","creator_nickname":"TikTok Official",
             "privacy_level_options":["PUBLIC_TO_EVERYONE","MUTUAL_FOLLOW_FRIENDS","SELF_ONLY"],"comment_disabled":false,
             "duet_disabled":false,"stitch_disabled":true,"max_video_post_duration_sec":300},
             "error":{"code":"ok","message":"","log_id":"L4"}}
            """);
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.QueryCreatorInfoAsync(AccessToken, Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("TikTok Official", result.Value.CreatorNickname);
        Assert.Equal(["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], result.Value.PrivacyLevelOptions);
        Assert.True(result.Value.StitchDisabled);
        Assert.Equal(300, result.Value.MaxVideoPostDurationSec);
        var request = handler.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/prefix/v2/post/publish/creator_info/query/", request.Uri.AbsolutePath);
        Assert.Equal(0, request.BodyLength);
        Assert.StartsWith("application/json", request.ContentHeaders["Content-Type"]);
    }

    [Theory]
    [InlineData("spam_risk_too_many_posts", TikTokErrorKind.Quota)]
    [InlineData("spam_risk_user_banned_from_posting", TikTokErrorKind.AccountState)]
    [InlineData("reached_active_user_cap", TikTokErrorKind.Quota)]
    public async Task QueryCreatorInfoAsync_ErrorOnHttp200_ReturnsTypedError(string code, TikTokErrorKind kind)
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK,
            $$$"""{"data":{},"error":{"code":"{{{code}}}","message":"cannot post now","log_id":"L5"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.QueryCreatorInfoAsync(AccessToken, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code.Value);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(200, result.Error.HttpStatus);
        Assert.Equal("L5", result.LogId);
    }

    [Fact]
    public async Task InitDirectPostAsync_FileUpload_SendsSnakeCaseBodyAndReadsUploadUrl()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, """
            {"data":{"publish_id":"v_pub_file~v2-1.123456789","upload_url":"https://open-upload.tiktokapis.com/video/?upload_id=67890&upload_token=Xza123"},
             "error":{"code":"ok","message":"","log_id":"L6"}}
            """);
        var client = TikTokClientBuilder.Create(handler);
        var post = new TikTokPostInfo { PrivacyLevel = "SELF_ONLY", Title = "funny #cat", DisableComment = true, VideoCoverTimestampMs = 1000 };

        var result = await client.InitDirectPostAsync(AccessToken, post, TikTokSourceInfo.FileUpload(ChunkPlan.For(64_000_001)), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("v_pub_file~v2-1.123456789", result.Value.PublishId);
        Assert.Equal("https://open-upload.tiktokapis.com/video/?upload_id=67890&upload_token=Xza123", result.Value.UploadUrl);
        var request = handler.Single();
        Assert.Equal("/prefix/v2/post/publish/video/init/", request.Uri.AbsolutePath);
        Assert.Equal("Bearer " + AccessToken, request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        var postInfo = body.RootElement.GetProperty("post_info");
        Assert.Equal("SELF_ONLY", postInfo.GetProperty("privacy_level").GetString());
        Assert.Equal("funny #cat", postInfo.GetProperty("title").GetString());
        Assert.True(postInfo.GetProperty("disable_comment").GetBoolean());
        Assert.False(postInfo.GetProperty("brand_content_toggle").GetBoolean());
        Assert.False(postInfo.GetProperty("brand_organic_toggle").GetBoolean());
        Assert.Equal(1000, postInfo.GetProperty("video_cover_timestamp_ms").GetInt32());
        var source = body.RootElement.GetProperty("source_info");
        Assert.Equal("FILE_UPLOAD", source.GetProperty("source").GetString());
        Assert.Equal(64_000_001, source.GetProperty("video_size").GetInt64());
        Assert.Equal(10_000_000, source.GetProperty("chunk_size").GetInt64());
        Assert.Equal(6, source.GetProperty("total_chunk_count").GetInt64());
        Assert.False(source.TryGetProperty("video_url", out _));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid_params", TikTokErrorKind.Content)]
    [InlineData(HttpStatusCode.BadRequest, "invalid_param", TikTokErrorKind.Content)]
    [InlineData(HttpStatusCode.Forbidden, "unaudited_client_can_only_post_to_private_accounts", TikTokErrorKind.AccountState)]
    [InlineData(HttpStatusCode.Forbidden, "privacy_level_option_mismatch", TikTokErrorKind.Content)]
    [InlineData(HttpStatusCode.Forbidden, "url_ownership_unverified", TikTokErrorKind.OperatorConfig)]
    [InlineData(HttpStatusCode.Unauthorized, "access_token_invalid", TikTokErrorKind.Auth)]
    [InlineData(HttpStatusCode.Unauthorized, "scope_not_authorized", TikTokErrorKind.Reconnect)]
    public async Task InitDirectPostAsync_TikTokRefuses_ReturnsTypedErrorWithTikToksMessage(HttpStatusCode status, string code, TikTokErrorKind kind)
    {
        var handler = new ScriptedHttpHandler().Reply(status,
            $$$"""{"data":{},"error":{"code":"{{{code}}}","message":"The chunk size is invalid","log_id":"L7"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.InitDirectPostAsync(AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.FileUpload(ChunkPlan.For(1000)), Ct);

        Assert.Equal(kind, result.Error?.Kind);
        Assert.Equal("The chunk size is invalid", result.Error?.TikTokMessage);
        Assert.Equal("L7", result.Error?.LogId);
        Assert.True(result.Error!.Is(ErrorCatalog.Find(code)));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task InitInboxUploadAsync_PullFromUrl_SendsOnlySourceInfo()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK,
            """{"data":{"publish_id":"v_inbox_url~v2.123456789"},"error":{"code":"ok","message":"","log_id":"L8"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.InitInboxUploadAsync(AccessToken, TikTokSourceInfo.PullFromUrl("https://media.midx.test/v/1.mp4"), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("v_inbox_url~v2.123456789", result.Value.PublishId);
        Assert.Null(result.Value.UploadUrl);
        var request = handler.Single();
        Assert.Equal("/prefix/v2/post/publish/inbox/video/init/", request.Uri.AbsolutePath);
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("post_info", out _));
        var source = body.RootElement.GetProperty("source_info");
        Assert.Equal("PULL_FROM_URL", source.GetProperty("source").GetString());
        Assert.Equal("https://media.midx.test/v/1.mp4", source.GetProperty("video_url").GetString());
        Assert.False(source.TryGetProperty("video_size", out _));
    }

    [Fact]
    public async Task InitInboxUploadAsync_TooManyPendingShares_ReturnsQuotaError()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.Forbidden,
            """{"data":{},"error":{"code":"spam_risk_too_many_pending_share","message":"","log_id":"L9"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.InitInboxUploadAsync(AccessToken, TikTokSourceInfo.FileUpload(ChunkPlan.For(10)), Ct);

        Assert.Equal(TikTokErrorKind.Quota, result.Error?.Kind);
        Assert.Contains("5 drafts", result.Error?.UserMessage);
        Assert.Null(result.Error?.TikTokMessage);
    }

    [Fact]
    public async Task UploadChunkAsync_MiddleChunk_PutsOnlyThatRangeToTheVerbatimUrl()
    {
        const string uploadUrl = "https://upload.us.tiktokapis.com/video/?upload_id=67890&upload_token=Xza%2B123~ab";
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.PartialContent, null,
            r => r.Content = new ByteArrayContent([]) { Headers = { { "Content-Range", "bytes 0-199/300" } } });
        var client = TikTokClientBuilder.Create(handler);
        await using var video = new CountingStream(new MemoryStream(bytes));

        var result = await client.UploadChunkAsync(uploadUrl, video, new ChunkRange(1, 100, 199, 300), "video/mp4", Ct);

        Assert.Equal(ChunkUploadOutcome.Accepted, result.Outcome);
        Assert.Equal(200, result.UploadedBytes);
        var request = handler.Single();
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(uploadUrl, request.Uri.OriginalString);
        Assert.Null(request.Authorization);
        Assert.Equal("video/mp4", request.ContentHeaders["Content-Type"]);
        Assert.Equal("100", request.ContentHeaders["Content-Length"]);
        Assert.Equal("bytes 100-199/300", request.ContentHeaders["Content-Range"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(100, 100))), request.BodySha256);
        Assert.Equal(100, video.BytesRead);
    }

    [Theory]
    [InlineData(HttpStatusCode.Created, ChunkUploadOutcome.Completed)]
    [InlineData(HttpStatusCode.PartialContent, ChunkUploadOutcome.Accepted)]
    [InlineData(HttpStatusCode.BadRequest, ChunkUploadOutcome.Rejected)]
    [InlineData(HttpStatusCode.Forbidden, ChunkUploadOutcome.Expired)]
    [InlineData(HttpStatusCode.NotFound, ChunkUploadOutcome.NotFound)]
    [InlineData(HttpStatusCode.RequestedRangeNotSatisfiable, ChunkUploadOutcome.OutOfSync)]
    [InlineData(HttpStatusCode.BadGateway, ChunkUploadOutcome.ServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ChunkUploadOutcome.ServerError)]
    [InlineData(HttpStatusCode.OK, ChunkUploadOutcome.Unexpected)]
    public async Task UploadChunkAsync_HostStatus_MapsToOutcome(HttpStatusCode status, ChunkUploadOutcome outcome)
    {
        var handler = new ScriptedHttpHandler().Reply(status, null);
        var client = TikTokClientBuilder.Create(handler);
        await using var video = new MemoryStream(new byte[10]);

        var result = await client.UploadChunkAsync("https://up.test/video/?upload_id=1&upload_token=t", video, ChunkPlan.For(10).Chunk(0), "video/webm", Ct);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal((int)status, result.HttpStatus);
    }

    [Fact]
    public async Task UploadChunkAsync_StreamShorterThanChunk_Throws()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.Created, null);
        var client = TikTokClientBuilder.Create(handler);
        await using var video = new MemoryStream(new byte[5]);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.UploadChunkAsync("https://up.test/video/?upload_id=1&upload_token=t", video, new ChunkRange(0, 0, 9, 10), "video/mp4", Ct));
    }

    [Theory]
    [InlineData("[7123456789012345678]", "7123456789012345678")]
    [InlineData("7123456789012345678", "7123456789012345678")]
    [InlineData("\"7123456789012345678\"", "7123456789012345678")]
    [InlineData("[\"7123456789012345678\"]", "7123456789012345678")]
    public async Task FetchStatusAsync_PostIdInAnyShape_ReadsIdWithoutRounding(string json, string expected)
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK,
            $$$"""{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":{{{json}}},"uploaded_bytes":10000},"error":{"code":"ok","message":"","log_id":"L10"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.FetchStatusAsync(AccessToken, "v_pub_file~v2-1.1", Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(TikTokPublishStatus.PublishComplete, result.Value.Status);
        Assert.Equal([expected], result.Value.PublicalyAvailablePostId);
        Assert.Equal(10000, result.Value.UploadedBytes);
        var request = handler.Single();
        Assert.Equal("/prefix/v2/post/publish/status/fetch/", request.Uri.AbsolutePath);
        Assert.Equal("v_pub_file~v2-1.1", JsonDocument.Parse(request.Body).RootElement.GetProperty("publish_id").GetString());
    }

    [Fact]
    public async Task FetchStatusAsync_Failed_ReadsFailReasonAndEmptyPostIds()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK,
            """{"data":{"status":"FAILED","fail_reason":"picture_size_check_failed","publicaly_available_post_id":[],"uploaded_bytes":10000},"error":{"code":"ok","message":"","log_id":"L11"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.FetchStatusAsync(AccessToken, "p1", Ct);

        Assert.Equal(TikTokPublishStatus.Failed, result.Value?.Status);
        Assert.Equal("picture_size_check_failed", result.Value?.FailReason);
        Assert.Empty(result.Value!.PublicalyAvailablePostId);
        Assert.Equal(TikTokErrorKind.Content, ErrorCatalog.Find(result.Value.FailReason!).Kind);
    }

    [Theory]
    [InlineData("invalid_publish_id")]
    [InlineData("token_not_authorized_for_specified_publish_id")]
    public async Task FetchStatusAsync_UnknownPublishId_ReturnsStatusLookupError(string code)
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.BadRequest,
            $$$"""{"data":{},"error":{"code":"{{{code}}}","message":"","log_id":"L12"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.FetchStatusAsync(AccessToken, "p1", Ct);

        Assert.Equal(TikTokErrorKind.StatusLookup, result.Error?.Kind);
    }

    [Fact]
    public async Task CancelAsync_Ok_SucceedsWithoutData()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, """{"error":{"code":"ok","message":"","log_id":"L13"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.CancelAsync(AccessToken, "v_pub_url~v2.1", Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("L13", result.LogId);
        Assert.Equal("/prefix/v2/post/publish/cancel/", handler.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task CancelAsync_NotCancellable_ReturnsError()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.BadRequest,
            """{"data":{},"error":{"code":"publish_not_cancellable","message":"","log_id":"L14"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.CancelAsync(AccessToken, "v_pub_url~v2.1", Ct);

        Assert.Equal(ErrorCatalog.PublishNotCancellable, result.Error?.Code);
    }

    [Fact]
    public async Task ListVideosAsync_Cursor_SendsFieldsInQueryAndCursorInBody()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, """
            {"data":{"videos":[{"cover_image_url":"https://c.test/1.jpg","id":"12345123451234512345","title":"Video Title","create_time":1643332803}],
             "cursor":1643332803000,"has_more":true},"error":{"code":"ok","message":"","log_id":"L15"}}
            """);
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.ListVideosAsync(AccessToken, ["id", "title", "cover_image_url", "create_time"], 1643332900000, 50, Ct);

        Assert.True(result.IsSuccess);
        var video = Assert.Single(result.Value.Videos);
        Assert.Equal("12345123451234512345", video.Id);
        Assert.Equal(1643332803, video.CreateTime);
        Assert.Equal(1643332803000, result.Value.Cursor);
        Assert.True(result.Value.HasMore);
        var request = handler.Single();
        Assert.Equal("/prefix/v2/video/list/", request.Uri.AbsolutePath);
        Assert.Equal("id,title,cover_image_url,create_time", System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["fields"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(1643332900000, body.RootElement.GetProperty("cursor").GetInt64());
        Assert.Equal(20, body.RootElement.GetProperty("max_count").GetInt32());
    }

    [Fact]
    public async Task QueryVideosAsync_Ids_SendsFilters()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK,
            """{"data":{"videos":[{"id":"1"},{"id":"2"}],"cursor":0,"has_more":false},"error":{"code":"ok","message":"","log_id":"L16"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.QueryVideosAsync(AccessToken, ["id"], ["1", "2"], Ct);

        Assert.Equal(["1", "2"], result.Value!.Videos.Select(v => v.Id));
        var request = handler.Single();
        Assert.Equal("/prefix/v2/video/query/", request.Uri.AbsolutePath);
        var ids = JsonDocument.Parse(request.Body).RootElement.GetProperty("filters").GetProperty("video_ids");
        Assert.Equal(["1", "2"], ids.EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "access_token_invalid")]
    [InlineData(HttpStatusCode.BadGateway, "internal_error")]
    [InlineData(HttpStatusCode.InternalServerError, "internal_error")]
    public async Task GetUserInfoAsync_StatusWithoutTikTokBody_MapsStatusAndKeepsHeaderLogId(HttpStatusCode status, string code)
    {
        var handler = new ScriptedHttpHandler().Reply(status, null, r =>
        {
            r.Content = new StringContent("<html>Bad gateway</html>", System.Text.Encoding.UTF8, "text/html");
            r.Headers.Add("x-tt-logid", "HEADERLOG");
        });
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.GetUserInfoAsync(AccessToken, ["open_id"], Ct);

        Assert.Equal(code, result.Error?.Code.Value);
        Assert.Equal("HEADERLOG", result.LogId);
    }

    [Fact]
    public async Task GetUserInfoAsync_OkStatusWithHtml_ReturnsUnexpectedResponse()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.OK, null,
            r => r.Content = new StringContent("<html>login</html>", System.Text.Encoding.UTF8, "text/html"));
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.GetUserInfoAsync(AccessToken, ["open_id"], Ct);

        Assert.Equal(ErrorCatalog.UnexpectedResponse, result.Error?.Code);
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_RateLimitedOnce_WaitsAndSucceeds()
    {
        var handler = new ScriptedHttpHandler()
            .Reply(HttpStatusCode.TooManyRequests, """{"data":{},"error":{"code":"rate_limit_exceeded","message":"","log_id":"R1"}}""")
            .Reply(HttpStatusCode.OK, """{"data":{"creator_nickname":"n","privacy_level_options":["SELF_ONLY"],"max_video_post_duration_sec":60},"error":{"code":"ok","message":"","log_id":"R2"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.QueryCreatorInfoAsync(AccessToken, Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("R2", result.LogId);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_RateLimitedEveryTime_GivesUpAfterBoundedRetries()
    {
        var handler = new ScriptedHttpHandler
        {
            Fallback = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"data":{},"error":{"code":"rate_limit_exceeded","message":"","log_id":"R3"}}"""),
            }),
        };
        var client = TikTokClientBuilder.Create(handler, o => o.RateLimitRetries = 2);

        var result = await client.QueryCreatorInfoAsync(AccessToken, Ct);

        Assert.Equal(ErrorCatalog.RateLimitExceeded, result.Error?.Code);
        Assert.Equal(TikTokErrorKind.Transient, result.Error?.Kind);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task InitDirectPostAsync_RetryAfterBeyondLimit_ReturnsRateLimitWithoutWaiting()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.TooManyRequests,
            """{"data":{},"error":{"code":"rate_limit_exceeded","message":"","log_id":"R4"}}""",
            r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5)));
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.InitDirectPostAsync(AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.FileUpload(ChunkPlan.For(10)), Ct);

        Assert.Equal(ErrorCatalog.RateLimitExceeded, result.Error?.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task FetchStatusAsync_ServerError_IsReturnedNotRetried()
    {
        var handler = new ScriptedHttpHandler().Reply(HttpStatusCode.InternalServerError,
            """{"data":{},"error":{"code":"internal_error","message":"","log_id":"R5"}}""");
        var client = TikTokClientBuilder.Create(handler);

        var result = await client.FetchStatusAsync(AccessToken, "p", Ct);

        Assert.Equal(TikTokErrorKind.Transient, result.Error?.Kind);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task RefreshTokenAsync_NoAnswerInTime_ThrowsTimeout()
    {
        var handler = new ScriptedHttpHandler().Reply(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = TikTokClientBuilder.Create(handler, o => o.RequestTimeout = TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<TimeoutException>(() => client.RefreshTokenAsync("rft.x!1", Ct));
    }

    [Fact]
    public async Task RefreshTokenAsync_ConnectionRefused_Throws()
    {
        var handler = new ScriptedHttpHandler().Reply((_, _) => throw new HttpRequestException("Connection refused"));
        var client = TikTokClientBuilder.Create(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.RefreshTokenAsync("rft.x!1", Ct));
    }

    [Fact]
    public async Task EveryEndpoint_Logs_NeverContainTokensCodesSecretsOrUploadUrls()
    {
        const string uploadToken = "UPLOADTOKEN-secret-77";
        var logs = new LogCapture();
        var handler = new ScriptedHttpHandler
        {
            Fallback = (request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"error":"invalid_grant","error_description":"bad","log_id":"LX"}"""),
            }),
        };
        var client = TikTokClientBuilder.Create(handler, logs: logs);

        await client.ExchangeCodeAsync(AuthorizationCode, "https://midx.test/cb", Verifier, Ct);
        await client.RefreshTokenAsync(RefreshToken, Ct);
        await client.RevokeAsync(AccessToken, Ct);
        await client.GetUserInfoAsync(AccessToken, ["open_id"], Ct);
        await client.QueryCreatorInfoAsync(AccessToken, Ct);
        await client.InitDirectPostAsync(AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY", Title = "my caption" }, TikTokSourceInfo.FileUpload(ChunkPlan.For(10)), Ct);
        await client.InitInboxUploadAsync(AccessToken, TikTokSourceInfo.FileUpload(ChunkPlan.For(10)), Ct);
        await using (var video = new MemoryStream(new byte[10]))
        {
            await client.UploadChunkAsync($"https://up.test/video/?upload_id=1&upload_token={uploadToken}", video, ChunkPlan.For(10).Chunk(0), "video/mp4", Ct);
        }

        await client.FetchStatusAsync(AccessToken, "p", Ct);
        await client.CancelAsync(AccessToken, "p", Ct);
        await client.ListVideosAsync(AccessToken, ["id"], null, 10, Ct);
        await client.QueryVideosAsync(AccessToken, ["id"], ["1"], Ct);

        Assert.Equal(12, handler.Requests.Count);
        var text = logs.AllText;
        Assert.Contains("invalid_grant", text);
        foreach (var secret in new[] { AccessToken, RefreshToken, AuthorizationCode, Verifier, TikTokClientBuilder.ClientSecret, uploadToken, "my caption" })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public void TokenGrant_ToString_HidesTokens()
    {
        var grant = new TikTokTokenGrant(AccessToken, 7200, "open", RefreshToken, 100, "user.info.basic", "Bearer");

        var text = grant.ToString() + TikTokResult<TikTokTokenGrant>.Success(grant, "L").ToString();

        Assert.DoesNotContain(AccessToken, text);
        Assert.DoesNotContain(RefreshToken, text);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
