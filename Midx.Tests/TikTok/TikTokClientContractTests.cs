using System.Security.Cryptography;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Tests.TikTok;

/// <summary>
/// The real client against the sandbox TikTok over real HTTP: every endpoint, and each error path TikTok's pages
/// document (e.g. https://developers.tiktok.com/doc/tiktok-api-v2-error-handling) that the client must understand.
/// </summary>
public sealed class TikTokClientContractTests(TikTokSandboxFixture sandbox) : IClassFixture<TikTokSandboxFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => CancellationToken.None;

    private TikTokApiClient Client => sandbox.Client;

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExchangeCodeAsync_HexPkce_ReturnsGrantForTheApprovedCreator()
    {
        var verifier = TikTokPkce.CreateVerifier();
        await sandbox.SwitchesAsync(new { pkceMode = "Required" });
        var code = await sandbox.AuthorizeAsync(verifier, "private", ["user.info.basic", "video.upload"]);

        var result = await Client.ExchangeCodeAsync(code, sandbox.Callback, verifier, Ct);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(Midx.App.Sandbox.TikTok.TikTokFixtures.Private.OpenId, result.Value.OpenId);
        Assert.Equal(["user.info.basic", "video.upload"], result.Value.Scopes.Order());
        Assert.Equal(86_400, result.Value.ExpiresIn);
        Assert.Equal(31_536_000, result.Value.RefreshExpiresIn);
        Assert.NotNull(result.LogId);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongVerifierOrReplayedCode_IsInvalidGrant()
    {
        var verifier = TikTokPkce.CreateVerifier();
        var code = await sandbox.AuthorizeAsync(verifier);

        var wrong = await Client.ExchangeCodeAsync(code, sandbox.Callback, TikTokPkce.CreateVerifier(), Ct);
        var code2 = await sandbox.AuthorizeAsync(verifier);
        var first = await Client.ExchangeCodeAsync(code2, sandbox.Callback, verifier, Ct);
        var replay = await Client.ExchangeCodeAsync(code2, sandbox.Callback, verifier, Ct);

        Assert.Equal(ErrorCatalog.InvalidGrant, wrong.Error?.Code);
        Assert.True(first.IsSuccess);
        Assert.Equal(ErrorCatalog.InvalidGrant, replay.Error?.Code);
        Assert.Equal(TikTokErrorKind.Reconnect, replay.Error?.Kind);
        Assert.NotNull(replay.LogId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RefreshTokenAsync_Rotates_AndTheOldRefreshTokenIsThenInvalidGrant(bool errorsAsHttp200)
    {
        await sandbox.SwitchesAsync(new { oAuthErrorsAsHttp200 = errorsAsHttp200, tokenProfile = "New2h180d" });
        var tokens = await sandbox.TokensAsync();

        var refreshed = await Client.RefreshTokenAsync(tokens.RefreshToken, Ct);
        var again = await Client.RefreshTokenAsync(tokens.RefreshToken, Ct);

        Assert.True(refreshed.IsSuccess);
        Assert.NotEqual(tokens.RefreshToken, refreshed.Value.RefreshToken);
        Assert.Equal(7200, refreshed.Value.ExpiresIn);
        Assert.Equal(15_552_000, refreshed.Value.RefreshExpiresIn);
        Assert.Equal(tokens.OpenId, refreshed.Value.OpenId);
        Assert.Equal(ErrorCatalog.InvalidGrant, again.Error?.Code);
        Assert.Equal(errorsAsHttp200 ? 200 : 400, again.Error?.HttpStatus);
    }

    [Fact]
    public async Task RevokeAsync_Then_TheAccessTokenIsRefused()
    {
        var tokens = await sandbox.TokensAsync();

        var revoke = await Client.RevokeAsync(tokens.AccessToken, Ct);
        var after = await Client.GetUserInfoAsync(tokens.AccessToken, ["open_id"], Ct);
        var refresh = await Client.RefreshTokenAsync(tokens.RefreshToken, Ct);

        Assert.True(revoke.IsSuccess, revoke.Error?.ToString());
        Assert.Equal(ErrorCatalog.AccessTokenInvalid, after.Error?.Code);
        Assert.Equal(TikTokErrorKind.Auth, after.Error?.Kind);
        Assert.Equal(ErrorCatalog.InvalidGrant, refresh.Error?.Code);
    }

    [Fact]
    public async Task Token_WrongClientSecret_IsInvalidClient()
    {
        var fault = await sandbox.TokensAsync();
        await sandbox.FaultAsync(new { endpoint = "token", status = 401, errorCode = "invalid_client" });

        var result = await Client.RefreshTokenAsync(fault.RefreshToken, Ct);

        Assert.Equal(TikTokErrorKind.OperatorConfig, result.Error?.Kind);
    }

    [Fact]
    public async Task GetUserInfoAsync_FieldsTheScopesAllow_ReturnsProfile()
    {
        var tokens = await sandbox.TokensAsync();

        var result = await Client.GetUserInfoAsync(tokens.AccessToken, TikTokScopes.UserInfoFields(tokens.Scopes), Ct);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(tokens.OpenId, result.Value.OpenId);
        Assert.Equal("Avery Stone", result.Value.DisplayName);
        Assert.Equal("avery.creates", result.Value.Username);
        Assert.NotNull(result.Value.UnionId);
        Assert.StartsWith("http", result.Value.AvatarUrl);
    }

    [Fact]
    public async Task GetUserInfoAsync_FieldWithoutItsScope_IsScopePermissionMissed()
    {
        var tokens = await sandbox.TokensAsync(scopes: "user.info.basic");

        var result = await Client.GetUserInfoAsync(tokens.AccessToken, ["open_id", "username"], Ct);

        Assert.Equal(ErrorCatalog.ScopePermissionMissed, result.Error?.Code);
        Assert.Equal(TikTokErrorKind.Reconnect, result.Error?.Kind);
    }

    [Theory]
    [InlineData(false, 401)]
    [InlineData(true, 200)]
    public async Task QueryCreatorInfoAsync_UnknownToken_IsAccessTokenInvalidWhateverTheStatus(bool authErrorsAsHttp200, int status)
    {
        await sandbox.SwitchesAsync(new { authErrorsAsHttp200 });

        var result = await Client.QueryCreatorInfoAsync("act.not-a-token!0000", Ct);

        Assert.Equal(ErrorCatalog.AccessTokenInvalid, result.Error?.Code);
        Assert.Equal(status, result.Error?.HttpStatus);
        Assert.NotNull(result.LogId);
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_PublicCreator_ReturnsOptions()
    {
        var tokens = await sandbox.TokensAsync();

        var result = await Client.QueryCreatorInfoAsync(tokens.AccessToken, Ct);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("Avery Stone", result.Value.CreatorNickname);
        Assert.Contains("PUBLIC_TO_EVERYONE", result.Value.PrivacyLevelOptions);
        Assert.True(result.Value.MaxVideoPostDurationSec > 0);
    }

    [Theory]
    [InlineData("capped", "spam_risk_too_many_posts", TikTokErrorKind.Quota)]
    [InlineData("banned", "spam_risk_user_banned_from_posting", TikTokErrorKind.AccountState)]
    public async Task QueryCreatorInfoAsync_CreatorCannotPost_IsTypedError(string creator, string code, TikTokErrorKind kind)
    {
        var tokens = await sandbox.TokensAsync(creator);

        var result = await Client.QueryCreatorInfoAsync(tokens.AccessToken, Ct);

        Assert.Equal(code, result.Error?.Code.Value);
        Assert.Equal(kind, result.Error?.Kind);
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_WithoutVideoPublish_IsScopeNotAuthorized()
    {
        var tokens = await sandbox.TokensAsync(scopes: "user.info.basic,video.upload");

        var result = await Client.QueryCreatorInfoAsync(tokens.AccessToken, Ct);

        Assert.Equal(ErrorCatalog.ScopeNotAuthorized, result.Error?.Code);
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_OverTheLimit_RetriesBoundedThenReturnsRateLimit()
    {
        var tokens = await sandbox.TokensAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await Client.QueryCreatorInfoAsync(tokens.AccessToken, Ct)).IsSuccess);
        }

        var limited = await Client.QueryCreatorInfoAsync(tokens.AccessToken, Ct);

        Assert.Equal(ErrorCatalog.RateLimitExceeded, limited.Error?.Code);
        Assert.Equal(429, limited.Error?.HttpStatus);
        Assert.Equal(20 + 1 + 3, await sandbox.RequestCountAsync("creator_info"));
    }

    [Fact]
    public async Task QueryCreatorInfoAsync_OneRateLimitedAnswer_IsRetriedAndSucceeds()
    {
        var tokens = await sandbox.TokensAsync();
        await sandbox.FaultAsync(new { endpoint = "creator_info", status = 429, errorCode = "rate_limit_exceeded" });

        var result = await Client.QueryCreatorInfoAsync(tokens.AccessToken, Ct);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, await sandbox.RequestCountAsync("creator_info"));
    }

    [Fact]
    public async Task InitDirectPostAsync_ServerError_IsReturnedOnceAndNeverRetried()
    {
        var tokens = await sandbox.TokensAsync();
        await sandbox.FaultAsync(new { endpoint = "video_init", status = 503, errorCode = "internal_error" });

        var result = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.FileUpload(ChunkPlan.For(1000)), Ct);

        Assert.Equal(TikTokErrorKind.Transient, result.Error?.Kind);
        Assert.Equal(1, await sandbox.RequestCountAsync("video_init"));
    }

    [Fact]
    public async Task DirectPost_FileUploadInOneChunk_UploadsAndPublishes()
    {
        var tokens = await sandbox.TokensAsync();
        var video = RandomNumberGenerator.GetBytes(4096);
        var plan = ChunkPlan.For(video.Length);

        var init = await Client.InitDirectPostAsync(tokens.AccessToken,
            new TikTokPostInfo { PrivacyLevel = "SELF_ONLY", Title = "contract #test" }, TikTokSourceInfo.FileUpload(plan), Ct);
        Assert.True(init.IsSuccess, init.Error?.ToString());
        Assert.StartsWith("v_pub_file~", init.Value.PublishId);
        await using var file = new MemoryStream(video);
        var put = await Client.UploadChunkAsync(init.Value.UploadUrl!, file, plan.Chunk(0), "video/mp4", Ct);
        var processing = await Client.FetchStatusAsync(tokens.AccessToken, init.Value.PublishId, Ct);
        await sandbox.AdvanceAsync(10);
        var done = await Client.FetchStatusAsync(tokens.AccessToken, init.Value.PublishId, Ct);

        Assert.Equal(ChunkUploadOutcome.Completed, put.Outcome);
        Assert.Equal(video.Length, put.UploadedBytes);
        Assert.NotEqual(TikTokPublishStatus.Failed, processing.Value?.Status);
        Assert.Equal(TikTokPublishStatus.PublishComplete, done.Value?.Status);
        Assert.Empty(done.Value!.PublicalyAvailablePostId);
        var view = await sandbox.PublishViewAsync(init.Value.PublishId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(video)), view.GetProperty("sha256").GetString());
        var uploadToken = System.Web.HttpUtility.ParseQueryString(new Uri(init.Value.UploadUrl!).Query)["upload_token"]!;
        Assert.DoesNotContain(uploadToken, sandbox.App.Logs.AllText);
        Assert.DoesNotContain(tokens.AccessToken, sandbox.App.Logs.AllText);
        Assert.DoesNotContain(tokens.RefreshToken, sandbox.App.Logs.AllText);
    }

    [Fact]
    public async Task DirectPost_TwoChunksFromAFile_AcceptedThenCompletedAndOrderEnforced()
    {
        var tokens = await sandbox.TokensAsync();
        var path = Path.Combine(sandbox.App.DataFolder, $"two-chunks-{Guid.NewGuid():N}.mp4");
        var video = RandomNumberGenerator.GetBytes(12_000_000);
        await File.WriteAllBytesAsync(path, video);
        var source = new TikTokSourceInfo { Source = "FILE_UPLOAD", VideoSize = video.Length, ChunkSize = 6_000_000, TotalChunkCount = 2 };
        var first = new ChunkRange(0, 0, 5_999_999, video.Length);
        var second = new ChunkRange(1, 6_000_000, 11_999_999, video.Length);

        var init = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" }, source, Ct);
        await using var file = File.OpenRead(path);
        var outOfOrder = await Client.UploadChunkAsync(init.Value!.UploadUrl!, file, second, "video/mp4", Ct);
        var one = await Client.UploadChunkAsync(init.Value.UploadUrl!, file, first, "video/mp4", Ct);
        var two = await Client.UploadChunkAsync(init.Value.UploadUrl!, file, second, "video/mp4", Ct);

        Assert.Equal(ChunkUploadOutcome.OutOfSync, outOfOrder.Outcome);
        Assert.Equal(ChunkUploadOutcome.Accepted, one.Outcome);
        Assert.Equal(6_000_000, one.UploadedBytes);
        Assert.Equal(ChunkUploadOutcome.Completed, two.Outcome);
        var view = await sandbox.PublishViewAsync(init.Value.PublishId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(video)), view.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task UploadChunkAsync_HostFaultsWrongTypeUnknownAndExpiredUrls_MapToOutcomes()
    {
        var tokens = await sandbox.TokensAsync();
        var video = RandomNumberGenerator.GetBytes(2048);
        var plan = ChunkPlan.For(video.Length);
        var init = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" }, TikTokSourceInfo.FileUpload(plan), Ct);
        var url = init.Value!.UploadUrl!;
        await using var file = new MemoryStream(video);
        await sandbox.FaultAsync(new { endpoint = "upload", status = 502 });

        var faulted = await Client.UploadChunkAsync(url, file, plan.Chunk(0), "video/mp4", Ct);
        var wrongType = await Client.UploadChunkAsync(url, file, plan.Chunk(0), "image/gif", Ct);
        var unknown = await Client.UploadChunkAsync(url.Replace("upload_token=", "upload_token=x"), file, plan.Chunk(0), "video/mp4", Ct);
        await sandbox.AdvanceAsync(3601);
        var expired = await Client.UploadChunkAsync(url, file, plan.Chunk(0), "video/mp4", Ct);

        Assert.Equal(ChunkUploadOutcome.ServerError, faulted.Outcome);
        Assert.Equal(ChunkUploadOutcome.Rejected, wrongType.Outcome);
        Assert.Equal(ChunkUploadOutcome.NotFound, unknown.Outcome);
        Assert.Equal(ChunkUploadOutcome.Expired, expired.Outcome);
    }

    [Fact]
    public async Task InitDirectPostAsync_UnauditedClientPublicAccount_IsTheAccountPrivacyError()
    {
        await sandbox.SwitchesAsync(new { audited = false });
        var tokens = await sandbox.TokensAsync("public");

        var result = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.FileUpload(ChunkPlan.For(1000)), Ct);

        Assert.Equal(ErrorCatalog.UnauditedClientCanOnlyPostToPrivateAccounts, result.Error?.Code);
        Assert.Contains("account to Private", result.Error?.UserMessage);
    }

    [Fact]
    public async Task InitDirectPostAsync_PrivacyNotOffered_IsPrivacyLevelOptionMismatch()
    {
        var tokens = await sandbox.TokensAsync("private");

        var result = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "PUBLIC_TO_EVERYONE" },
            TikTokSourceInfo.FileUpload(ChunkPlan.For(1000)), Ct);

        Assert.Equal(ErrorCatalog.PrivacyLevelOptionMismatch, result.Error?.Code);
    }

    [Theory]
    [InlineData("InvalidParams")]
    [InlineData("InvalidParam")]
    public async Task InitDirectPostAsync_BadChunkPlan_IsInvalidParamsInEitherSpelling(string spelling)
    {
        await sandbox.SwitchesAsync(new { errorCodeSpelling = spelling });
        var tokens = await sandbox.TokensAsync();
        var bad = new TikTokSourceInfo { Source = "FILE_UPLOAD", VideoSize = 100_000_000, ChunkSize = 100_000_000, TotalChunkCount = 1 };

        var result = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" }, bad, Ct);

        Assert.True(result.Error?.Is(ErrorCatalog.InvalidParams));
        Assert.Equal(TikTokErrorKind.Content, result.Error?.Kind);
        Assert.Contains("chunk", result.Error?.TikTokMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DirectPost_PullFromUrl_UnverifiedIsRefusedVerifiedCanBeCancelled()
    {
        var tokens = await sandbox.TokensAsync();

        var unverified = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.PullFromUrl("https://cdn.elsewhere.test/v.mp4"), Ct);
        var verified = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.PullFromUrl("https://media.sandbox.midx.test/v.mp4"), Ct);
        var cancel = await Client.CancelAsync(tokens.AccessToken, verified.Value!.PublishId, Ct);
        var cancelAgain = await Client.CancelAsync(tokens.AccessToken, verified.Value.PublishId, Ct);

        Assert.Equal(ErrorCatalog.UrlOwnershipUnverified, unverified.Error?.Code);
        Assert.StartsWith("v_pub_url~", verified.Value.PublishId);
        Assert.Null(verified.Value.UploadUrl);
        Assert.True(cancel.IsSuccess, cancel.Error?.ToString());
        Assert.Equal(ErrorCatalog.PublishNotCancellable, cancelAgain.Error?.Code);
    }

    [Fact]
    public async Task InboxUpload_Draft_ReachesSendToUserInbox()
    {
        var tokens = await sandbox.TokensAsync();
        var video = RandomNumberGenerator.GetBytes(1024);
        var plan = ChunkPlan.For(video.Length);

        var init = await Client.InitInboxUploadAsync(tokens.AccessToken, TikTokSourceInfo.FileUpload(plan), Ct);
        await using var file = new MemoryStream(video);
        await Client.UploadChunkAsync(init.Value!.UploadUrl!, file, plan.Chunk(0), "video/webm", Ct);
        await sandbox.AdvanceAsync(10);
        var status = await Client.FetchStatusAsync(tokens.AccessToken, init.Value.PublishId, Ct);

        Assert.StartsWith("v_inbox_file~", init.Value.PublishId);
        Assert.Equal(TikTokPublishStatus.SendToUserInbox, status.Value?.Status);
    }

    [Fact]
    public async Task InitInboxUploadAsync_WithoutVideoUpload_IsScopeNotAuthorized()
    {
        var tokens = await sandbox.TokensAsync(scopes: "user.info.basic,video.publish");

        var result = await Client.InitInboxUploadAsync(tokens.AccessToken, TikTokSourceInfo.FileUpload(ChunkPlan.For(10)), Ct);

        Assert.Equal(ErrorCatalog.ScopeNotAuthorized, result.Error?.Code);
    }

    [Fact]
    public async Task InitInboxUploadAsync_FivePendingDrafts_SixthIsTooManyPendingShares()
    {
        await sandbox.SwitchesAsync(new { enforceRateLimits = false });
        var tokens = await sandbox.TokensAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await Client.InitInboxUploadAsync(tokens.AccessToken, TikTokSourceInfo.PullFromUrl("https://media.sandbox.midx.test/d.mp4"), Ct)).IsSuccess);
        }

        var sixth = await Client.InitInboxUploadAsync(tokens.AccessToken, TikTokSourceInfo.PullFromUrl("https://media.sandbox.midx.test/d.mp4"), Ct);

        Assert.Equal(ErrorCatalog.SpamRiskTooManyPendingShare, sixth.Error?.Code);
        Assert.Equal(TikTokErrorKind.Quota, sixth.Error?.Kind);
    }

    [Fact]
    public async Task FetchStatusAsync_UnknownOrSomeoneElsesPublishId_IsStatusLookupError()
    {
        var owner = await sandbox.TokensAsync("public");
        var other = await sandbox.TokensAsync("private");
        var init = await Client.InitDirectPostAsync(owner.AccessToken, new TikTokPostInfo { PrivacyLevel = "SELF_ONLY" },
            TikTokSourceInfo.PullFromUrl("https://media.sandbox.midx.test/v.mp4"), Ct);

        var unknown = await Client.FetchStatusAsync(owner.AccessToken, "v_pub_url~v2.999999", Ct);
        var foreign = await Client.FetchStatusAsync(other.AccessToken, init.Value!.PublishId, Ct);

        Assert.Equal(ErrorCatalog.InvalidPublishId, unknown.Error?.Code);
        Assert.Equal(ErrorCatalog.TokenNotAuthorizedForSpecifiedPublishId, foreign.Error?.Code);
    }

    [Fact]
    public async Task FetchStatusAsync_PublicPostAfterModeration_HasPostIdAndAppearsInVideoList()
    {
        var tokens = await sandbox.TokensAsync();
        var video = RandomNumberGenerator.GetBytes(1024);
        var plan = ChunkPlan.For(video.Length);
        var init = await Client.InitDirectPostAsync(tokens.AccessToken, new TikTokPostInfo { PrivacyLevel = "PUBLIC_TO_EVERYONE", Title = "public one" },
            TikTokSourceInfo.FileUpload(plan), Ct);
        await using var file = new MemoryStream(video);
        await Client.UploadChunkAsync(init.Value!.UploadUrl!, file, plan.Chunk(0), "video/mp4", Ct);
        await sandbox.AdvanceAsync(60);

        var status = await Client.FetchStatusAsync(tokens.AccessToken, init.Value.PublishId, Ct);
        var postId = Assert.Single(status.Value!.PublicalyAvailablePostId);
        var list = await Client.ListVideosAsync(tokens.AccessToken, ["id", "title", "create_time", "cover_image_url"], null, 20, Ct);
        var query = await Client.QueryVideosAsync(tokens.AccessToken, ["id", "title"], [postId], Ct);

        Assert.Equal(TikTokPublishStatus.PublishComplete, status.Value.Status);
        Assert.Matches("^7[0-9]{18}$", postId);
        Assert.Contains(list.Value!.Videos, v => v.Id == postId);
        Assert.Equal("public one", Assert.Single(query.Value!.Videos).Title);
    }

    [Fact]
    public async Task ListVideosAsync_Paging_FollowsTheCursor()
    {
        var tokens = await sandbox.TokensAsync();

        var first = await Client.ListVideosAsync(tokens.AccessToken, ["id", "create_time"], null, 2, Ct);
        var second = await Client.ListVideosAsync(tokens.AccessToken, ["id", "create_time"], first.Value!.Cursor, 2, Ct);

        Assert.True(first.IsSuccess, first.Error?.ToString());
        Assert.Equal(2, first.Value.Videos.Count);
        Assert.True(first.Value.HasMore);
        Assert.DoesNotContain(second.Value!.Videos, v => first.Value.Videos.Any(f => f.Id == v.Id));
        Assert.All(first.Value.Videos, v => Assert.InRange(v.CreateTime!.Value, 1_500_000_000, 4_000_000_000));
    }

    [Fact]
    public async Task ListVideosAsync_WithoutVideoList_IsScopeNotAuthorized()
    {
        var tokens = await sandbox.TokensAsync(scopes: "user.info.basic");

        var list = await Client.ListVideosAsync(tokens.AccessToken, ["id"], null, 10, Ct);
        var query = await Client.QueryVideosAsync(tokens.AccessToken, ["id"], ["1"], Ct);

        Assert.Equal(ErrorCatalog.ScopeNotAuthorized, list.Error?.Code);
        Assert.Equal(ErrorCatalog.ScopeNotAuthorized, query.Error?.Code);
    }

    [Fact]
    public async Task AnyCall_ConnectionDropped_Throws()
    {
        var tokens = await sandbox.TokensAsync();
        await sandbox.FaultAsync(new { endpoint = "user_info", mode = "Abort" });

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetUserInfoAsync(tokens.AccessToken, ["open_id"], Ct));
    }
}
