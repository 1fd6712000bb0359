using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// Drives the compose page over HTTP as a browser without JavaScript would: reads the rendered form (its antiforgery
/// token, submission key and handler), uploads a fixture video, and posts the form with the fields a test chooses.
/// </summary>
internal static class ComposeTestClient
{
    public static async Task<IDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync().ContinueWith(t => (IDocument)new HtmlParser().ParseDocument(t.Result), TaskScheduler.Default);

    /// <summary>Uploads a fixture through the script's path (raw body) and returns the upload id.</summary>
    public static async Task<string> UploadAsync(this HttpClient client, string fixture, string name)
    {
        // Any signed-in page carries a token; the home page does not spend one of TikTok's creator_info calls.
        var page = await client.GetHtmlAsync("/");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The signed-in home page has no antiforgery token.");
        var body = new ByteArrayContent(VideoFixtures.Bytes(fixture));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadEndpoints.Path) { Content = body };
        request.Headers.Add(UploadEndpoints.AntiforgeryHeader, token);
        request.Headers.Add(UploadEndpoints.FileNameHeader, Uri.EscapeDataString(name));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var upload = await response.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>();
        return upload!.Id;
    }

    /// <summary>
    /// Posts a video the way the compose page's file form does without JavaScript: multipart, the antiforgery token
    /// first, then the file, to <paramref name="action"/> (the form's address). Redirects are not followed.
    /// </summary>
    public static Task<HttpResponseMessage> PostUploadFormAsync(
        this HttpClient client, string action, string token, string fixture, string fileName, string mimeType)
    {
        var file = new ByteArrayContent(VideoFixtures.Bytes(fixture));
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "video", fileName },
        };
        return client.PostAsync(action, form);
    }

    /// <summary>The compose page's file form as rendered: where it posts and its antiforgery token.</summary>
    public static (string Action, string Token) UploadForm(IDocument page)
    {
        var form = page.QuerySelector("form[data-upload-form]") ?? throw new InvalidOperationException("The compose page has no file form.");
        return (form.GetAttribute("action")!, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    /// <summary>The compose form's hidden fields as rendered (token, handler, account, submission key).</summary>
    public static Dictionary<string, string> HiddenFields(IDocument page)
    {
        var form = page.QuerySelector("form#compose-form") ?? throw new InvalidOperationException("The compose page has no compose form.");
        return form.QuerySelectorAll("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.GetAttribute("name")))
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.Last().GetAttribute("value") ?? "");
    }

    /// <summary>Posts the compose form rendered at <paramref name="url"/> with these fields on top of its hidden ones.</summary>
    public static async Task<HttpResponseMessage> PostComposeAsync(this HttpClient client, string url, IDictionary<string, string> fields, IDocument? rendered = null)
    {
        var page = rendered ?? await client.GetHtmlAsync(url);
        var values = HiddenFields(page);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static async Task<List<PublishJob>> JobsAsync(this MidxAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.AsNoTracking().ToListAsync();
    }

    public static Dictionary<string, string> ValidDirectPost(string uploadId, string caption = "Sunset over the harbour #travel") => new()
    {
        ["Form.Mode"] = "Direct",
        ["Form.Source"] = "File",
        ["Form.UploadId"] = uploadId,
        ["Form.Caption"] = caption,
        ["Form.PrivacyLevel"] = "SELF_ONLY",
        ["Form.When"] = "now",
        ["Form.ConsentGiven"] = "true",
    };

    /// <summary>Uploads a fixture and submits it scheduled two hours ahead (so no worker touches it); returns the job id.</summary>
    public static async Task<Guid> SubmitScheduledAsync(this HttpClient client, string caption = "Sunset over the harbour #travel", string mode = "Direct")
    {
        var upload = await client.UploadAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        var fields = ValidDirectPost(upload, caption);
        fields["Form.Mode"] = mode;
        fields["Form.When"] = "later";
        fields["Form.ScheduleLocal"] = DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await client.PostComposeAsync(ComposePage.Url(uploadId: Guid.Parse(upload)), fields);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"The compose form did not redirect ({(int)response.StatusCode}).");
        return Guid.Parse(new Uri(client.BaseAddress!, location).AbsolutePath["/jobs/".Length..]);
    }

    /// <summary>Changes a job's row directly, standing in for the worker.</summary>
    public static async Task UpdateJobAsync(this MidxAppFactory app, Guid jobId, Action<PublishJob> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var job = await db.PublishJobs.SingleAsync(j => j.Id == jobId);
        change(job);
        await db.SaveChangesAsync();
    }

    /// <summary>The antiforgery token of a page's form with this action.</summary>
    public static string TokenOf(IDocument page, string action) =>
        page.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"The page has no form posting to {action}.");
}
