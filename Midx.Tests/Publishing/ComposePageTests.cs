using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The compose page as TikTok's Content Sharing Guidelines require it (https://developers.tiktok.com/doc/content-sharing-guidelines),
/// read from the HTML the real app prerenders for sandbox creators. What reacts to clicks is in ComposeJourneyTests and
/// the rules behind it in ComposeDraftTests.
/// </summary>
public sealed class ComposePageTests : IDisposable
{
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task Compose_NoLinkedAccount_ShowsEmptyStateLinkingToAccounts()
    {
        using var client = await _app.SignInAsync("new@sandbox.midx.test");

        var page = await client.GetHtmlAsync("/compose");

        Assert.Equal("/accounts", page.QuerySelector("[data-compose-empty] a")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-publish]"));
    }

    [Fact]
    public async Task Compose_PublicCreator_ShowsFreshIdentityAndEveryGuidelineDefault()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");

        var page = await client.GetHtmlAsync("/compose");

        Assert.Equal("Avery Stone", page.QuerySelector("[data-creator-nickname]")?.TextContent.Trim());
        Assert.Equal("@avery.creates", page.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("img[data-creator-avatar]")?.GetAttribute("src")));

        // Privacy: only the creator's options, under a placeholder that cannot be chosen and is what the field shows.
        var options = page.QuerySelectorAll("select[data-privacy] option").ToList();
        Assert.Equal("Choose who can see this", options[0].TextContent.Trim());
        Assert.Equal("", options[0].GetAttribute("value"));
        Assert.True(options[0].HasAttribute("disabled"));
        Assert.Equal(["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"], options.Skip(1).Select(o => o.GetAttribute("value")));
        Assert.All(options.Skip(1), o => Assert.False(o.HasAttribute("selected")));

        // Interactions: offered, none on.
        foreach (var name in new[] { "Comment", "Duet", "Stitch" })
        {
            var row = page.QuerySelector($"[data-interaction={name}]")!;
            Assert.Equal("false", row.GetAttribute("data-disabled-by-creator"));
            Assert.False(row.QuerySelector("input")!.HasAttribute("checked"), name);
        }

        // Commercial content disclosure: off, so neither kind nor any label is shown yet.
        Assert.Contains(SharingGuidelineTexts.DisclosureToggle, page.QuerySelector("[data-disclosure]")?.TextContent);
        Assert.False(page.QuerySelector("[data-disclosure] input")!.HasAttribute("checked"));
        Assert.Null(page.QuerySelector("[data-disclosure-options]"));
        Assert.Null(page.QuerySelector("[data-label-prompt]"));

        // The declaration with its link right above the button, and the processing notice.
        var declaration = page.QuerySelector("[data-declaration=music]")!;
        Assert.Equal(SharingGuidelineTexts.MusicUsageDeclaration, declaration.TextContent.Trim());
        Assert.Equal(SharingGuidelineTexts.MusicUsageUrl, declaration.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(SharingGuidelineTexts.ProcessingNotice, page.QuerySelector("[data-processing-notice]")?.TextContent);
        Assert.Equal("Publish to TikTok", page.QuerySelector("button[data-publish]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Compose_RestrictedCreator_GreysOutCommentDuetAndStitchWithTheReason()
    {
        using var client = await _app.SignInAsync("noor@sandbox.midx.test");
        await client.LinkTikTokAsync("restricted");

        var page = await client.GetHtmlAsync("/compose");

        foreach (var name in new[] { "Comment", "Duet", "Stitch" })
        {
            var row = page.QuerySelector($"[data-interaction={name}]")!;
            var box = row.QuerySelector("input")!;
            Assert.True(box.HasAttribute("disabled"), name);
            Assert.False(box.HasAttribute("checked"), name);
            Assert.Contains("midx-interaction-off", row.ClassList);
            Assert.Contains("turned off in this account's TikTok settings", row.QuerySelector("[data-interaction-why]")?.TextContent);
        }
    }

    [Fact]
    public async Task Compose_ShortCreator_ShowsTheSixtySecondMaximum()
    {
        using var client = await _app.SignInAsync("sam@sandbox.midx.test");
        await client.LinkTikTokAsync("short");

        var page = await client.GetHtmlAsync("/compose");

        Assert.Equal("60", page.QuerySelector("[data-max-duration]")?.GetAttribute("data-max-duration"));
        Assert.Contains("60 seconds", page.QuerySelector("[data-max-duration]")?.TextContent);
        Assert.Contains("at most 60 seconds long", page.QuerySelector("#video-help")?.TextContent);
    }

    [Theory]
    [InlineData("banned", "spam_risk_user_banned_from_posting")]
    [InlineData("capped", "spam_risk_too_many_posts")]
    public async Task Compose_CreatorWhoCannotPostNow_StopsWithTryLaterMessage(string creator, string code)
    {
        using var client = await _app.SignInAsync($"{creator}@sandbox.midx.test");
        await client.LinkTikTokAsync(creator);

        var page = await client.GetHtmlAsync("/compose");

        var stop = page.QuerySelector("[data-compose-stopped]");
        Assert.NotNull(stop);
        Assert.Equal(nameof(CreatorLookupProblem.CannotPostNow), stop.GetAttribute("data-compose-stopped"));
        Assert.Contains("can't post right now", stop.TextContent);
        Assert.Contains(code, stop.TextContent);
        Assert.Null(page.QuerySelector("[data-publish]"));
        Assert.Null(page.QuerySelector("[data-upload-input]"));
    }

    [Fact]
    public async Task Compose_SeveralAccounts_OffersTheChoiceAndComposesForTheChosenOne()
    {
        using var client = await _app.SignInAsync("two@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var restricted = await client.LinkTikTokAsync("restricted");

        var first = await client.GetHtmlAsync("/compose");
        var chosen = await client.GetHtmlAsync(ComposePage.Url(restricted));

        Assert.NotNull(first.QuerySelector("[data-account-switch]"));
        Assert.Equal("@avery.creates", first.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Equal("@noor.quiet", chosen.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Null(chosen.QuerySelector("[data-account-problem]"));
    }

    [Fact]
    public async Task Compose_UploadInTheAddress_ShowsThatVideoAndARefusalInWords()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        var upload = await client.UploadAsync(VideoFixtures.MovOneAndAHalfSeconds, "holiday.mov");

        var uploaded = await client.GetHtmlAsync(ComposePage.Url(uploadId: Guid.Parse(upload)));
        var refused = await client.GetHtmlAsync(ComposePage.Url(uploadError: ErrorCatalog.NotAVideo.Value));
        var gone = await client.GetHtmlAsync(ComposePage.Url(uploadId: Guid.NewGuid()));

        Assert.StartsWith("holiday.mov · ", uploaded.QuerySelector("[data-upload-summary]")?.TextContent.Trim());
        Assert.StartsWith($"/publishing/uploads/{upload}/preview?t=", uploaded.QuerySelector("video[data-preview]")?.GetAttribute("src"));
        Assert.Equal(ErrorCatalog.NotAVideo.Message, refused.QuerySelector("[data-upload-error]")?.TextContent.Trim());
        Assert.Equal(UploadEndpoints.Gone.Message, gone.QuerySelector("[data-upload-error]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Compose_AnotherUsersAccountOrUploadInTheAddress_IsDroppedAndRevealsNothing()
    {
        using var owner = await _app.SignInAsync("owner@sandbox.midx.test");
        var ownersAccount = await owner.LinkTikTokAsync("restricted");
        var ownersUpload = await owner.UploadAsync(VideoFixtures.MovOneAndAHalfSeconds, "owners-secret.mov");
        using var client = await _app.SignInAsync("two@sandbox.midx.test");
        await client.LinkTikTokAsync("public");

        var forged = await client.GetHtmlAsync(ComposePage.Url(ownersAccount, Guid.Parse(ownersUpload)));

        Assert.Equal("@avery.creates", forged.QuerySelector("[data-creator-username]")?.TextContent.Trim());
        Assert.Contains("not linked to your Midx account", forged.QuerySelector("[data-account-problem]")?.TextContent);
        Assert.Equal(UploadEndpoints.Gone.Message, forged.QuerySelector("[data-upload-error]")?.TextContent.Trim());
        var html = forged.DocumentElement.OuterHtml;
        Assert.DoesNotContain("noor.quiet", html);
        Assert.DoesNotContain("Noor Haddad", html);
        Assert.DoesNotContain("owners-secret", html);
    }

    [Fact]
    public async Task Compose_AccountNearTheDailyPostCap_WarnsBeforeAnythingIsSent()
    {
        using var client = await _app.SignInAsync("busy@sandbox.midx.test");
        var accountId = await client.LinkTikTokAsync("public");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
            var account = await db.TikTokAccounts.SingleAsync(a => a.Id == accountId);
            for (var i = 0; i < PostingLimitWarningsQuery.DailyPostCap - PostingLimitWarningsQuery.DailyPostWarningMargin; i++)
            {
                db.PublishJobs.Add(new PublishJob
                {
                    UserId = account.UserId, WorkspaceId = account.WorkspaceId, TikTokAccountId = accountId, SubmissionKey = $"busy-{i}", Mode = PublishMode.Direct,
                    State = JobState.Queued, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        var page = await client.GetHtmlAsync("/compose");

        var warning = page.QuerySelector($"[data-limit-warning={PostingLimit.DailyPosts}]");
        Assert.NotNull(warning);
        Assert.Contains("12 posts through Midx in the last 24 hours", warning.TextContent);
        Assert.NotNull(page.QuerySelector("[data-publish]"));
    }

    [Fact]
    public async Task Submit_TheDraftsRequestTwice_CreatesOnePost()
    {
        using var client = await _app.SignInAsync("avery@sandbox.midx.test");
        await client.LinkTikTokAsync("public");
        const string key = "one-press";

        var first = await client.SubmitAsync(r => r with { SubmissionKey = key });
        var second = await client.SubmitAsync(r => r with { SubmissionKey = key });

        Assert.Equal(first, second);
        Assert.Single(await _app.JobsAsync());
    }

    public void Dispose() => _app.Dispose();
}
