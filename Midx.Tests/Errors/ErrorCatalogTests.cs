using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Publishing;

namespace Midx.Tests.Errors;

public sealed partial class ErrorCatalogTests
{
    [Fact]
    public void All_DeclaresEachCodeOnce()
    {
        var repeated = ErrorCatalog.All.GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
        Assert.True(ErrorCatalog.All.Count > 80, "the catalogue lists TikTok's codes and Midx's own");
    }

    [Fact]
    public void All_EveryCodeTellsTheCreatorWhatHappenedAndWhatToDo_AndTellsTheAdmin()
    {
        foreach (var code in ErrorCatalog.All)
        {
            Assert.True(code.Told.Length > 15 && code.Told.EndsWith('.'), $"{code}: what happened, as a sentence");
            Assert.True(code.ToDo.Length > 8 && code.ToDo.EndsWith('.'), $"{code}: what to do, as a sentence");
            Assert.True(code.Admin.Length > 15, $"{code}: the admin's explanation");
            Assert.DoesNotContain("_", code.Message);
        }
    }

    [Fact]
    public void Find_IgnoresCaseAndSpaces_AndReturnsTheDeclaredEntry()
    {
        foreach (var code in ErrorCatalog.All)
        {
            Assert.Same(code, ErrorCatalog.Find(code.Value.ToUpperInvariant()));
            Assert.Same(code, ErrorCatalog.Find($" {code.Value} "));
        }
    }

    [Fact]
    public void Find_SingularInvalidParam_IsThePluralCode()
    {
        Assert.Same(ErrorCatalog.InvalidParams, ErrorCatalog.Find("invalid_param"));
        Assert.Same(ErrorCatalog.InvalidParams, ErrorCatalog.Find("INVALID_PARAM"));
        Assert.True(TikTokError.From("invalid_param", null, null, 400).Is(ErrorCatalog.InvalidParams));
        Assert.True(ErrorCatalog.IsKnown("invalid_param"));
    }

    [Fact]
    public void Find_UnknownCode_KeepsTheCodeAndSaysSoHonestly()
    {
        var code = ErrorCatalog.Find("brand_new_code");

        Assert.Equal("brand_new_code", code.Value);
        Assert.False(ErrorCatalog.IsKnown("brand_new_code"));
        Assert.DoesNotContain(code, ErrorCatalog.All);
        Assert.Equal(TikTokErrorKind.Unknown, code.Kind);
        Assert.Equal(ErrorSource.TikTok, code.Source);
        Assert.Contains("brand_new_code", code.Message);
        Assert.Contains("does not describe", code.Admin);
        Assert.False(code.Retryable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    public void Find_NoCode_IsTheNoCodeEntry(string? stored)
    {
        Assert.Same(ErrorCatalog.NoCode, ErrorCatalog.Find(stored));
        Assert.False(ErrorCatalog.IsKnown(stored));
    }

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
    [InlineData("unexpected_response", TikTokErrorKind.Transient)]
    [InlineData("spam_risk_too_many_posts", TikTokErrorKind.Quota)]
    [InlineData("spam_risk_too_many_pending_share", TikTokErrorKind.Quota)]
    [InlineData("reached_active_user_cap", TikTokErrorKind.Quota)]
    [InlineData("spam_risk_user_banned_from_posting", TikTokErrorKind.AccountState)]
    [InlineData("unaudited_client_can_only_post_to_private_accounts", TikTokErrorKind.AccountState)]
    [InlineData("app_version_check_failed", TikTokErrorKind.AccountState)]
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
    public void TikTokAnswerCode_HasTheKindTheClientActsOn(string value, TikTokErrorKind kind)
    {
        Assert.True(ErrorCatalog.IsKnown(value));
        Assert.Equal(kind, TikTokError.From(value, null, null, 400).Kind);
    }

    [Theory]
    [InlineData("upload_expired")]
    [InlineData("held_account_needs_reconnect")]
    [InlineData("init_outcome_unknown")]
    [InlineData("account_disconnected")]
    [InlineData("unexpected_response")]
    public void MidxCode_IsNeverPassedOffAsTikToks(string value)
    {
        Assert.Equal(ErrorSource.Midx, ErrorCatalog.Find(value).Source);
        Assert.Equal("Midx", new JobUpdate(Guid.Empty, Guid.Empty, JobState.Failed, "", true, null, 0, 0, null, value, null, null, DateTime.UtcNow).ErrorSource);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FailedStatusWithoutReason_IsStoredAsTheStatusAndKnown(string? reason)
    {
        var code = TikTokStatusMapping.FailureCode(reason);

        Assert.Equal("FAILED", code.Value);
        Assert.True(ErrorCatalog.IsKnown(code.Value));
        Assert.Equal(code.Message, TikTokStatusMapping.Map("FAILED", reason, PublishMode.Direct).Message);
    }

    [Fact]
    public void RateLimitAtInit_SaysWhatMidxDoes()
    {
        Assert.True(ErrorCatalog.RateLimitExceeded.Retryable);
        Assert.Contains($"up to {InitJobStep.MaxRateLimitedInits} times", ErrorCatalog.RateLimitExceeded.Message);
    }

    [Fact]
    public void UnauditedClient_TellsTheCreatorToMakeTheAccountPrivate()
    {
        // Creators elsewhere posted SELF_ONLY and were still refused: the fix is the account's privacy, not the post's.
        Assert.Contains("account to Private", ErrorCatalog.UnauditedClientCanOnlyPostToPrivateAccounts.Message);
    }

    [Fact]
    public void Field_IsOneOfTheComposePagesFields()
    {
        var fields = typeof(ComposeFields).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();

        Assert.All(ErrorCatalog.All.Where(c => c.Field is not null), c => Assert.Contains(c.Field!, fields));
    }

    public static TheoryData<string, string> SubmissionRefusals => new()
    {
        { "key", ComposeFields.General },
        { "consent", ComposeFields.General },
        { "caption", ComposeFields.Caption },
        { "privacy", ComposeFields.Privacy },
        { "privacy-offered", ComposeFields.Privacy },
        { "disclosure", ComposeFields.Disclosure },
        { "branded-private", ComposeFields.Privacy },
        { "url-https", ComposeFields.Url },
        { "url-verified", ComposeFields.Url },
        { "url-none", ComposeFields.Url },
        { "video", ComposeFields.Video },
        { "cover", ComposeFields.Cover },
        { "schedule", ComposeFields.Schedule },
    };

    [Theory]
    [MemberData(nameof(SubmissionRefusals))]
    public void SubmissionRefusal_BelongsToTheFieldThatMustChange(string refusal, string field)
    {
        var valid = PublishRequestRulesTests.Valid();
        var now = PublishRequestRulesTests.Now;
        var request = refusal switch
        {
            "key" => valid with { SubmissionKey = "" },
            "consent" => valid with { ConsentGiven = false },
            "caption" => valid with { Caption = new string('a', PublishRequestRules.MaxCaptionLength + 1) },
            "privacy" => valid with { PrivacyLevel = null },
            "privacy-offered" => valid with { PrivacyLevel = "FOLLOWER_OF_CREATOR" },
            "disclosure" => valid with { DisclosureOn = true },
            "branded-private" => valid with { DisclosureOn = true, BrandedContent = true, PrivacyLevel = "SELF_ONLY" },
            "url-https" or "url-none" => valid with { Source = VideoSource.Url, UploadId = null, SourceUrl = "http://media.midx.test/videos/a.mp4" },
            "url-verified" => valid with { Source = VideoSource.Url, UploadId = null, SourceUrl = "https://elsewhere.test/a.mp4" },
            "video" => valid with { UploadId = null },
            "cover" => valid with { CoverTimestampMs = -1 },
            "schedule" => valid with { ScheduledAtUtc = now.AddHours(-1) },
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };

        var error = PublishRequestRules.Check(request, PublishRequestRulesTests.Creator, refusal == "url-none" ? [] : PublishRequestRulesTests.Prefixes, now);

        Assert.NotNull(error);
        Assert.Equal(field, ComposeFields.For(error.Code));
        Assert.True(ErrorCatalog.IsKnown(error.Code.Value));
    }

    [Fact]
    public void VideoRefusal_BelongsToTheVideoField()
    {
        var refusals = typeof(VideoErrors).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Select(p => (PublishingError)p.GetValue(null)!)
            .Append(VideoErrors.TooLong(TimeSpan.FromMinutes(20), 600))
            .ToList();

        Assert.True(refusals.Count >= 10);
        Assert.All(refusals, e => Assert.Equal(ComposeFields.Video, ComposeFields.For(e.Code)));
    }

    [Fact]
    public void PublishingError_TravelsAsJsonWithTheStoredString()
    {
        var json = JsonSerializer.Serialize(new PublishingError(ErrorCatalog.UploadStalled));

        Assert.Contains("\"Code\":\"upload_stalled\"", json);
        Assert.Same(ErrorCatalog.UploadStalled, JsonSerializer.Deserialize<PublishingError>(json)!.Code);
    }

    /// <summary>
    /// Every code the sandbox TikTok answers with must be one the catalogue knows, or a creator would read "TikTok
    /// refused this (…)" for something TikTok documents. The sandbox spells codes as TikTok does, inline, so they are
    /// read from its source: the literals on the lines that build an error answer or a failed status.
    /// </summary>
    [Fact]
    public void SandboxTikTok_AnswersOnlyWithCodesTheCatalogueKnows()
    {
        var sandbox = Path.Combine(RepositoryRoot(), "Midx.App", "Sandbox", "TikTok");
        var codes = Directory.EnumerateFiles(sandbox, "*.cs")
            .SelectMany(File.ReadLines)
            .Where(line => ErrorLine().IsMatch(line))
            .SelectMany(line => CodeLiteral().Matches(Indexer().Replace(line, "")).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.True(codes.Count > 20, $"found only {codes.Count} codes; has the sandbox changed how it answers?");
        Assert.Contains("invalid_param", codes);
        Assert.All(codes, code => Assert.True(ErrorCatalog.IsKnown(code), $"the sandbox answers {code}, which the catalogue does not know"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MidxBlazor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MidxBlazor.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Error\(|TikTokApiError\(|Failed\(|\[""error""\]|InvalidParamsCode|ErrorCode =")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\[""[a-z_]+""\]")]
    private static partial Regex Indexer();

    [GeneratedRegex(@"""([a-z]+(?:_[a-z]+)*)""")]
    private static partial Regex CodeLiteral();
}
