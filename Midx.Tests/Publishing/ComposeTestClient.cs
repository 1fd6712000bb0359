using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>
/// Reads pages over HTTP, uploads fixture videos through the upload endpoint, and posts them as the compose page does,
/// for tests about what happens after a post is sent.
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
    public static async Task<string> UploadAsync(this HttpClient client, string fixture, string name) =>
        (await client.UploadVideoAsync(fixture, name)).Id;

    /// <summary>Uploads a fixture through the script's path (raw body) and returns what the endpoint answered.</summary>
    public static async Task<UploadEndpoints.UploadResponse> UploadVideoAsync(this HttpClient client, string fixture, string name)
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
        return (await response.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>())!;
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

    public static async Task<List<PublishJob>> JobsAsync(this MidxAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.AsNoTracking().ToListAsync();
    }

    /// <summary>
    /// Uploads a fixture through the upload endpoint and posts it the way the compose page does (its draft's request, a
    /// fresh creator_info, the submit command) as the client's person to their first linked account: by default a Direct
    /// Post, only for them, now. Returns the job id.
    /// </summary>
    public static async Task<Guid> SubmitAsync(this HttpClient client, Func<PublishRequest, PublishRequest>? change = null, string caption = "Sunset over the harbour #travel")
    {
        var (app, email) = SignedInClients.Of(client);
        var video = await client.UploadVideoAsync(VideoFixtures.Mp4TwoSeconds, "harbour.mp4");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MidxDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var account = (await services.GetRequiredService<TikTokAccountsQuery>().ExecuteAsync(user.Id, user.Id, CancellationToken.None))[0];
        var creator = (await services.GetRequiredService<ComposeCreatorQuery>().ExecuteAsync(account, workspaceInboxDraftsOnly: false, CancellationToken.None)).Creator
            ?? throw new InvalidOperationException("TikTok's creator_info refused the account.");
        var draft = new ComposeDraft { Video = video, Caption = caption, PrivacyLevel = "SELF_ONLY" };
        var request = draft.ToRequest(user.Id, user.Id, account.Id, creator, consentGiven: true);
        var result = await services.GetRequiredService<SubmitPublishJobCommand>().ExecuteAsync(change?.Invoke(request) ?? request, creator, CancellationToken.None);
        return result.Succeeded ? result.Value.Job.Id : throw new InvalidOperationException($"The post was refused: {result.Error.Message}");
    }

    /// <summary>Like <see cref="SubmitAsync"/>, scheduled two hours ahead (so no worker touches it).</summary>
    public static Task<Guid> SubmitScheduledAsync(this HttpClient client, string caption = "Sunset over the harbour #travel", string mode = "Direct") =>
        client.SubmitAsync(r => r with { Mode = Enum.Parse<PublishMode>(mode), ScheduledAtUtc = DateTime.UtcNow.AddHours(2) }, caption);

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
