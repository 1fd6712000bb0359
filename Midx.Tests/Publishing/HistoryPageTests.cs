using System.Net;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>The history page: the user's own posts with filters, and the "On TikTok" tab from video.list.</summary>
public sealed class HistoryPageTests : IDisposable
{
    // No worker: these tests move jobs between states themselves, and a scheduled job must stay put.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task History_ListsOnlyOwnPostsNewestFirstAndFiltersByStateAndMode()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var first = await avery.SubmitScheduledAsync("First post");
        var second = await avery.SubmitScheduledAsync("Second post", mode: "Inbox");
        await _app.UpdateJobAsync(first, j =>
        {
            j.State = JobState.Failed;
            j.ErrorCode = "spam_risk_text";
            j.ErrorMessage = "TikTok flagged the caption as possible spam.";
        });
        using var stranger = await _app.SignInAsync("stranger@sandbox.midx.test");
        await stranger.LinkTikTokAsync("private");
        await stranger.SubmitScheduledAsync("Stranger's post");

        var all = await avery.GetHtmlAsync("/history");
        var failed = await avery.GetHtmlAsync("/history?state=failed");
        var drafts = await avery.GetHtmlAsync("/history?mode=inbox");

        Assert.Equal([second.ToString(), first.ToString()], all.QuerySelectorAll("[data-job-id]").Select(e => e.GetAttribute("data-job-id")));
        Assert.DoesNotContain("Stranger", all.Body!.TextContent);
        var failedRow = Assert.Single(failed.QuerySelectorAll("[data-job-id]"));
        Assert.Equal("Failed", failedRow.QuerySelector("[data-job-badge]")?.TextContent.Trim());
        Assert.Contains("possible spam", failedRow.QuerySelector("[data-job-message]")?.TextContent);
        Assert.NotNull(failedRow.QuerySelector("[data-job-action=retry]"));
        Assert.Null(failedRow.QuerySelector("[data-job-action=cancel]"));
        var draftRow = Assert.Single(drafts.QuerySelectorAll("[data-job-id]"));
        Assert.Equal(second.ToString(), draftRow.GetAttribute("data-job-id"));
        Assert.NotNull(draftRow.QuerySelector("[data-job-action=cancel]"));
    }

    [Fact]
    public async Task History_NoPosts_InvitesToCompose()
    {
        using var client = await _app.SignInAsync("new@sandbox.midx.test");

        var page = await client.GetHtmlAsync("/history");

        Assert.Equal("/compose", page.QuerySelector("[data-history-empty] a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Cancel_FromHistory_ReturnsToTheSameFilteredList()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        var page = await avery.GetHtmlAsync("/history?state=scheduled");
        var returnUrl = "/history?state=scheduled";

        using var response = await avery.PostAsync(JobEndpoints.CancelPath(jobId), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", ComposeTestClient.TokenOf(page, Midx.App.Accounts.AccountEndpoints.SignOutPath)),
            new("returnUrl", returnUrl!),
        ]));

        Assert.NotNull(page.QuerySelector($"[data-job-id='{jobId}'] [data-job-action=cancel]"));
        Assert.Equal("/history?state=scheduled&notice=Cancelled", response.Headers.Location?.OriginalString);
        Assert.Equal(JobState.Cancelled, Assert.Single(await _app.JobsAsync()).State);
    }

    [Fact]
    public async Task OnTikTok_PublicCreator_ListsPublishedVideosAndPagesByCursor()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");

        var page = await avery.GetHtmlAsync("/history?tab=tiktok");
        var videos = page.QuerySelectorAll("[data-tiktok-video]").ToList();
        var secondCreated = DateTime.Parse(videos[1].QuerySelector("time")!.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        var cursor = new DateTimeOffset(DateTime.SpecifyKind(secondCreated, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        var older = await avery.GetHtmlAsync($"/history?tab=tiktok&cursor={cursor}");

        Assert.Equal(3, videos.Count);
        Assert.Null(page.QuerySelector("[data-tiktok-older]"));
        Assert.Equal([videos[2].GetAttribute("data-tiktok-video")], older.QuerySelectorAll("[data-tiktok-video]").Select(v => v.GetAttribute("data-tiktok-video")));
        Assert.Equal($"/history?tab=tiktok&account={accountId:N}", older.QuerySelector("nav[aria-label='More TikTok videos'] a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task OnTikTok_WithoutVideoListScope_SaysWhichPermissionIsMissingAndWhereToFixIt()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public", scopes: [TikTokScopes.UserInfoBasic, TikTokScopes.UserInfoProfile, TikTokScopes.VideoPublish, TikTokScopes.VideoUpload]);

        var page = await avery.GetHtmlAsync("/history?tab=tiktok");

        var problem = page.QuerySelector("[data-tiktok-problem]");
        Assert.NotNull(problem);
        Assert.Equal(nameof(TikTokVideosProblem.ScopeMissing), problem.GetAttribute("data-tiktok-problem"));
        Assert.Contains(TikTokScopes.VideoList, problem.TextContent);
        Assert.Equal("/accounts", problem.QuerySelector("a")?.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("[data-tiktok-video]"));
    }

    public void Dispose() => _app.Dispose();
}
