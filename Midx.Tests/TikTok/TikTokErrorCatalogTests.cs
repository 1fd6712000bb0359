using Midx.Core.TikTok;

namespace Midx.Tests.TikTok;

public sealed class TikTokErrorCatalogTests
{
    // Midx's classification of every code TikTok documents: OAuth errors, the API v2 and posting errors, and the
    // status fail reasons.
    [Theory]
    [InlineData("access_token_invalid", TikTokErrorKind.Auth)]
    [InlineData("scope_not_authorized", TikTokErrorKind.Reconnect)]
    [InlineData("scope_permission_missed", TikTokErrorKind.Reconnect)]
    [InlineData("auth_removed", TikTokErrorKind.Reconnect)]
    [InlineData("invalid_grant", TikTokErrorKind.Reconnect)]
    [InlineData("rate_limit_exceeded", TikTokErrorKind.Transient)]
    [InlineData("internal_error", TikTokErrorKind.Transient)]
    [InlineData("internal", TikTokErrorKind.Transient)]
    [InlineData("server_error", TikTokErrorKind.Transient)]
    [InlineData("temporarily_unavailable", TikTokErrorKind.Transient)]
    [InlineData("video_pull_failed", TikTokErrorKind.Transient)]
    [InlineData("photo_pull_failed", TikTokErrorKind.Transient)]
    [InlineData("spam_risk_too_many_posts", TikTokErrorKind.Quota)]
    [InlineData("spam_risk_too_many_pending_share", TikTokErrorKind.Quota)]
    [InlineData("reached_active_user_cap", TikTokErrorKind.Quota)]
    [InlineData("spam_risk_user_banned_from_posting", TikTokErrorKind.AccountState)]
    [InlineData("unaudited_client_can_only_post_to_private_accounts", TikTokErrorKind.AccountState)]
    [InlineData("app_version_check_failed", TikTokErrorKind.AccountState)]
    [InlineData("invalid_param", TikTokErrorKind.Content)]
    [InlineData("invalid_params", TikTokErrorKind.Content)]
    [InlineData("invalid_file_upload", TikTokErrorKind.Content)]
    [InlineData("privacy_level_option_mismatch", TikTokErrorKind.Content)]
    [InlineData("spam_risk_text", TikTokErrorKind.Content)]
    [InlineData("spam_risk", TikTokErrorKind.Content)]
    [InlineData("file_format_check_failed", TikTokErrorKind.Content)]
    [InlineData("duration_check_failed", TikTokErrorKind.Content)]
    [InlineData("frame_rate_check_failed", TikTokErrorKind.Content)]
    [InlineData("picture_size_check_failed", TikTokErrorKind.Content)]
    [InlineData("publish_cancelled", TikTokErrorKind.Content)]
    [InlineData("url_ownership_unverified", TikTokErrorKind.OperatorConfig)]
    [InlineData("invalid_client", TikTokErrorKind.OperatorConfig)]
    [InlineData("invalid_request", TikTokErrorKind.OperatorConfig)]
    [InlineData("invalid_scope", TikTokErrorKind.OperatorConfig)]
    [InlineData("unauthorized_client", TikTokErrorKind.OperatorConfig)]
    [InlineData("unsupported_grant_type", TikTokErrorKind.OperatorConfig)]
    [InlineData("unsupported_response_type", TikTokErrorKind.OperatorConfig)]
    [InlineData("invalid_publish_id", TikTokErrorKind.StatusLookup)]
    [InlineData("token_not_authorized_for_specified_publish_id", TikTokErrorKind.StatusLookup)]
    [InlineData("publish_not_cancellable", TikTokErrorKind.StatusLookup)]
    [InlineData("access_denied", TikTokErrorKind.Declined)]
    public void Describe_DocumentedCode_HasItsClassAndACreatorMessage(string code, TikTokErrorKind kind)
    {
        var description = TikTokErrorCatalog.Describe(code);

        Assert.True(TikTokErrorCatalog.IsKnown(code));
        Assert.Equal(kind, description.Kind);
        Assert.True(description.UserMessage.Length > 30, "a sentence a creator can act on");
        Assert.DoesNotContain(code, description.UserMessage);
        Assert.DoesNotContain("_", description.UserMessage);
    }

    [Fact]
    public void Describe_SingularInvalidParam_IsTheSameAsPlural()
    {
        Assert.Equal(TikTokErrorCatalog.Describe("invalid_params"), TikTokErrorCatalog.Describe("invalid_param"));
        Assert.True(TikTokError.From("invalid_param", null, null, 400).Is("invalid_params"));
    }

    [Fact]
    public void Describe_DifferentCase_IsRecognised()
    {
        Assert.Equal(TikTokErrorKind.Auth, TikTokErrorCatalog.Describe("ACCESS_TOKEN_INVALID").Kind);
    }

    [Fact]
    public void Describe_UndocumentedCode_IsUnknownAndNamesTheCode()
    {
        var description = TikTokErrorCatalog.Describe("brand_new_code");

        Assert.Equal(TikTokErrorKind.Unknown, description.Kind);
        Assert.Contains("brand_new_code", description.UserMessage);
    }

    [Fact]
    public void From_Code_KeepsTikToksMessageLogIdAndStatus()
    {
        var error = TikTokError.From("spam_risk_too_many_posts", "daily cap", "LOG", 403);

        Assert.Equal(TikTokErrorKind.Quota, error.Kind);
        Assert.Equal("daily cap", error.TikTokMessage);
        Assert.Equal("LOG", error.LogId);
        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("24 hours", error.UserMessage);
    }

    [Fact]
    public void UnauditedClient_Message_TellsTheCreatorToMakeTheAccountPrivate()
    {
        // Creators elsewhere posted SELF_ONLY and were still refused: the fix is the account's privacy, not the post's.
        Assert.Contains("account to Private", TikTokErrorCatalog.Describe("unaudited_client_can_only_post_to_private_accounts").UserMessage);
    }
}
