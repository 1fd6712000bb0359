using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class PublishInitRulesTests
{
    private static readonly CreatorUsage Fresh = new(0, 0, false, 0);
    private static readonly TikTokSandboxSwitches Audited = new();
    private static readonly TikTokSandboxSwitches Unaudited = new() { Audited = false };

    private static PublishInitRequest Direct(string? privacy = PrivacyLevels.PublicToEveryone, string? url = null) =>
        new(PublishFlow.Direct, url is null ? PublishSourceKind.FileUpload : PublishSourceKind.PullFromUrl, 4_194_304, 4_194_304, 1, url, "cat", privacy, false, false);

    private static PublishInitRequest Inbox() =>
        new(PublishFlow.Inbox, PublishSourceKind.FileUpload, 4_194_304, 4_194_304, 1, null, null, null, false, false);

    [Fact]
    public void Evaluate_PublicCreatorAuditedClient_AcceptsWithRequestedPrivacy()
    {
        var (error, privacy) = PublishInitRules.Evaluate(Direct(), TikTokFixtures.Public, Fresh, Audited);

        Assert.Null(error);
        Assert.Equal(PrivacyLevels.PublicToEveryone, privacy);
    }

    [Fact]
    public void Evaluate_BannedCreatorWithBadPrivacy_ReportsTheBanFirst()
    {
        var (error, _) = PublishInitRules.Evaluate(Direct(privacy: null), TikTokFixtures.Banned, Fresh, Unaudited);

        Assert.Equal((403, "spam_risk_user_banned_from_posting"), (error!.Status, error.Code));
    }

    [Fact]
    public void Evaluate_CreatorAtPostCap_IsRefusedWithTooManyPosts()
    {
        var (error, _) = PublishInitRules.Evaluate(Direct(), TikTokFixtures.Public, Fresh with { PostsLast24Hours = 15 }, Audited);

        Assert.Equal("spam_risk_too_many_posts", error!.Code);
    }

    [Fact]
    public void Evaluate_NewPublisherWhenClientCapReached_IsRefusedButKnownPublisherIsNot()
    {
        var full = Fresh with { ActivePublishers = 5 };

        var (stranger, _) = PublishInitRules.Evaluate(Direct(PrivacyLevels.SelfOnly), TikTokFixtures.Private, full, Unaudited);
        var (known, _) = PublishInitRules.Evaluate(Direct(PrivacyLevels.SelfOnly), TikTokFixtures.Private, full with { IsActivePublisher = true }, Unaudited);
        var (audited, _) = PublishInitRules.Evaluate(Direct(), TikTokFixtures.Public, full, Audited);

        Assert.Equal("reached_active_user_cap", stranger!.Code);
        Assert.Null(known);
        Assert.Null(audited);
    }

    [Fact]
    public void Evaluate_InboxWithFivePendingShares_IsRefused()
    {
        var (error, _) = PublishInitRules.Evaluate(Inbox(), TikTokFixtures.Public, Fresh with { PendingShares = 5 }, Audited);
        var (fine, _) = PublishInitRules.Evaluate(Inbox(), TikTokFixtures.Public, Fresh with { PendingShares = 4 }, Audited);

        Assert.Equal((403, "spam_risk_too_many_pending_share"), (error!.Status, error.Code));
        Assert.Null(fine);
    }

    [Fact]
    public void Evaluate_UnauditedClientPublicAccountSelfOnly_IsStillRefused()
    {
        var (error, _) = PublishInitRules.Evaluate(Direct(PrivacyLevels.SelfOnly), TikTokFixtures.Public, Fresh, Unaudited);

        Assert.Equal((403, "unaudited_client_can_only_post_to_private_accounts"), (error!.Status, error.Code));
    }

    [Fact]
    public void Evaluate_UnauditedClientPrivateAccountFollowers_IsForcedToSelfOnly()
    {
        var (error, privacy) = PublishInitRules.Evaluate(Direct(PrivacyLevels.FollowerOfCreator), TikTokFixtures.Private, Fresh, Unaudited);

        Assert.Null(error);
        Assert.Equal(PrivacyLevels.SelfOnly, privacy);
    }

    [Fact]
    public void Evaluate_UnauditedNonSelfOnlyWithRejectSwitch_IsRefused()
    {
        var switches = Unaudited with { UnauditedNonSelfOnly = UnauditedNonSelfOnly.Reject };

        var (error, _) = PublishInitRules.Evaluate(Direct(PrivacyLevels.FollowerOfCreator), TikTokFixtures.Private, Fresh, switches);

        Assert.Equal("privacy_level_option_mismatch", error!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(PrivacyLevels.FollowerOfCreator)] // offered to private accounts only
    [InlineData("EVERYONE")]
    public void Evaluate_PrivacyMissingOrNotOffered_IsRefusedWithMismatch(string? privacy)
    {
        var (error, _) = PublishInitRules.Evaluate(Direct(privacy), TikTokFixtures.Public, Fresh, Audited);

        Assert.Equal((403, "privacy_level_option_mismatch"), (error!.Status, error.Code));
    }

    [Fact]
    public void Evaluate_PullFromUnverifiedUrl_IsRefusedAfterPrivacyPasses()
    {
        var (unverified, _) = PublishInitRules.Evaluate(Direct(url: "https://cdn.example.com/a.mp4"), TikTokFixtures.Public, Fresh, Audited);
        var (verified, _) = PublishInitRules.Evaluate(Direct(url: "https://media.sandbox.midx.test/a.mp4"), TikTokFixtures.Public, Fresh, Audited);
        var (privacyFirst, _) = PublishInitRules.Evaluate(Direct(privacy: null, url: "https://cdn.example.com/a.mp4"), TikTokFixtures.Public, Fresh, Audited);

        Assert.Equal("url_ownership_unverified", unverified!.Code);
        Assert.Null(verified);
        Assert.Equal("privacy_level_option_mismatch", privacyFirst!.Code);
    }

    [Fact]
    public void Parse_InvalidChunkPlan_ExplainsWithTikToksWording()
    {
        const string body = """{"post_info":{"privacy_level":"SELF_ONLY"},"source_info":{"source":"FILE_UPLOAD","video_size":100000000,"chunk_size":100000000,"total_chunk_count":1}}""";

        var (request, problem) = PublishInitRequest.Parse(body, PublishFlow.Direct, Audited);

        Assert.Null(request);
        Assert.Equal("The chunk size is invalid", problem);
    }

    [Fact]
    public void Parse_TitleOver2200Utf16Units_IsRefused()
    {
        var title = string.Concat(Enumerable.Repeat("😀", 1101)); // 2202 UTF-16 code units
        var body = $$$"""{"post_info":{"title":"{{{title}}}","privacy_level":"SELF_ONLY"},"source_info":{"source":"PULL_FROM_URL","video_url":"https://media.sandbox.midx.test/a.mp4"}}""";

        var (request, problem) = PublishInitRequest.Parse(body, PublishFlow.Direct, Audited);

        Assert.Null(request);
        Assert.Contains("2200", problem);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"post_info":{},"source_info":{"source":"CAMERA"}}""")]
    [InlineData("""{"source_info":{"source":"PULL_FROM_URL","video_url":"https://media.sandbox.midx.test/a.mp4"}}""")]
    [InlineData("""{"post_info":{},"source_info":{"source":"PULL_FROM_URL","video_url":"http://media.sandbox.midx.test/a.mp4"}}""")]
    [InlineData("""{"post_info":{"disable_comment":"yes"},"source_info":{"source":"PULL_FROM_URL","video_url":"https://media.sandbox.midx.test/a.mp4"}}""")]
    public void Parse_MalformedDirectBody_IsRefused(string body)
    {
        var (request, problem) = PublishInitRequest.Parse(body, PublishFlow.Direct, Audited);

        Assert.Null(request);
        Assert.NotNull(problem);
    }

    [Fact]
    public void Parse_InboxBodyWithOnlySourceInfo_IsAccepted()
    {
        const string body = """{"source_info":{"source":"FILE_UPLOAD","video_size":64000001,"chunk_size":10000000,"total_chunk_count":6}}""";

        var (request, _) = PublishInitRequest.Parse(body, PublishFlow.Inbox, Audited);

        Assert.Equal((PublishFlow.Inbox, 6L), (request!.Flow, request.ChunkCount));
    }

    [Fact]
    public void Parse_BrandedSelfOnly_AcceptedByDefaultAndRefusedWithSwitch()
    {
        const string body = """{"post_info":{"privacy_level":"SELF_ONLY","brand_content_toggle":true},"source_info":{"source":"PULL_FROM_URL","video_url":"https://media.sandbox.midx.test/a.mp4"}}""";

        var (accepted, _) = PublishInitRequest.Parse(body, PublishFlow.Direct, Audited);
        var (refused, _) = PublishInitRequest.Parse(body, PublishFlow.Direct, Audited with { BrandedSelfOnly = BrandedSelfOnly.Reject });

        Assert.NotNull(accepted);
        Assert.Null(refused);
    }
}
