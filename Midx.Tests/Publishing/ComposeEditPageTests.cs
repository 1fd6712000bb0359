using System.Net;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// The compose page editing a post that has not started, over HTTP: what it shows of the saved post, the post's own video
/// link for its preview, and the refusal for a post that started and for a stranger.
/// </summary>
public sealed class ComposeEditPageTests : IDisposable
{
    // No worker: a scheduled post must stay put while the page is read.
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?> { ["Midx:Publishing:WorkerEnabled"] = "false" });

    [Fact]
    public async Task Edit_ScheduledPostOfTheirOwn_ShowsItsChoicesItsVideoAndSaveChanges()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync("Harbour at dusk");

        var page = await avery.GetHtmlAsync(ComposePage.EditUrl(jobId));

        Assert.Equal("Edit post", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("harbour.mp4", page.QuerySelector("[data-kept-video-name]")?.TextContent);
        Assert.Null(page.QuerySelector("[data-upload-summary]"));
        Assert.Equal("Harbour at dusk", page.QuerySelector("textarea")?.TextContent);
        Assert.Equal("SELF_ONLY", page.QuerySelector("select[data-privacy] option[selected]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("[data-schedule-local]"));
        Assert.Equal("Save changes", page.QuerySelector("button[data-publish]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-review-note]"));
        var preview = page.QuerySelector("video[data-preview]")?.GetAttribute("src");
        Assert.StartsWith(JobEndpoints.VideoPath(jobId) + "?t=", preview);

        using var video = await avery.GetAsync(preview);
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Edit_PostThatStarted_SaysItCannotBeEditedAndLinksToIt()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync();
        await _app.UpdateJobAsync(jobId, j => j.State = JobState.Uploading);

        var page = await avery.GetHtmlAsync(ComposePage.EditUrl(jobId));

        Assert.Equal(JobPage.Url(jobId), page.QuerySelector("[data-edit-refused] a")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("button[data-publish]"));
    }

    [Fact]
    public async Task Edit_Stranger_GetsTheRefusalAndNoVideoEvenWithTheOwnersLink()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        await avery.LinkTikTokAsync("public");
        var jobId = await avery.SubmitScheduledAsync("Harbour at dusk");
        var preview = (await avery.GetHtmlAsync(ComposePage.EditUrl(jobId))).QuerySelector("video[data-preview]")!.GetAttribute("src");
        using var stranger = await _app.SignInAsync("stranger@sandbox.midx.test");

        var page = await stranger.GetHtmlAsync(ComposePage.EditUrl(jobId));
        using var video = await stranger.GetAsync(preview);

        Assert.NotNull(page.QuerySelector("[data-edit-refused]"));
        Assert.DoesNotContain("Harbour at dusk", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, video.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
