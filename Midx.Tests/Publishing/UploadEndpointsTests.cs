using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Midx.App.Publishing;
using Midx.Core.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

public sealed class UploadEndpointsTests : IDisposable
{
    private readonly MidxAppFactory _app = new(new Dictionary<string, string?>
    {
        ["Midx:Publishing:UploadsPerHour"] = "5",
        ["Midx:Publishing:UploadIdleTimeout"] = "00:00:02",
    });

    private string MediaFolder => Path.Combine(_app.DataFolder, "media");

    [Fact]
    public async Task Upload_SignedOut_IsSentToSignInAndNothingIsStored()
    {
        using var client = _app.CreateHttpClient();

        using var response = await client.PostAsync(UploadEndpoints.Path, VideoBody(VideoFixtures.Mp4TwoSeconds));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Upload_RealMp4_StoresItAndAnswersWithFactsReadFromTheBytes()
    {
        using var client = await _app.SignInAsync("uploader@sandbox.midx.test");
        var token = await AntiforgeryTokenAsync(client);

        using var response = await PostRawAsync(client, token, VideoFixtures.Mp4TwoSeconds, "Beach day.mp4");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = await response.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>();
        Assert.NotNull(upload);
        Assert.Equal("Beach day.mp4", upload.FileName);
        Assert.Equal(9582, upload.Size);
        Assert.Equal("video/mp4", upload.MimeType);
        Assert.InRange(upload.DurationMs, 1995, 2005);
        var stored = Assert.Single(StoredFiles(), f => f.EndsWith(".mp4", StringComparison.Ordinal));
        Assert.Equal(upload.Id + ".mp4", Path.GetFileName(stored));
        Assert.Equal(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds), await File.ReadAllBytesAsync(stored));
    }

    [Fact]
    public async Task Preview_OwnerWithRange_GetsPartialContentAndStrangerGetsNotFound()
    {
        using var owner = await _app.SignInAsync("owner@sandbox.midx.test");
        using var created = await PostRawAsync(owner, await AntiforgeryTokenAsync(owner), VideoFixtures.WebMThreeSeconds, "clip.webm");
        var upload = (await created.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>())!;

        using var ranged = new HttpRequestMessage(HttpMethod.Get, upload.PreviewUrl);
        ranged.Headers.Range = new RangeHeaderValue(0, 99);
        using var partial = await owner.SendAsync(ranged);
        using var stranger = await _app.SignInAsync("stranger@sandbox.midx.test");
        using var refused = await stranger.GetAsync(upload.PreviewUrl);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/webm", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Theory]
    [InlineData(VideoFixtures.RenamedText, "not_a_video")]
    [InlineData(VideoFixtures.TruncatedMp4, "truncated")]
    public async Task Upload_NotAUsableVideo_IsRefusedInPlainWordsAndDeleted(string fixture, string code)
    {
        using var client = await _app.SignInAsync("uploader@sandbox.midx.test");

        using var response = await PostRawAsync(client, await AntiforgeryTokenAsync(client), fixture, fixture);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<PublishingError>();
        Assert.Equal(code, error?.Code.Value);
        Assert.False(string.IsNullOrWhiteSpace(error?.Message));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefusedBeforeAnythingIsStored()
    {
        using var client = await _app.SignInAsync("uploader@sandbox.midx.test");

        using var response = await client.PostAsync(UploadEndpoints.Path, VideoBody(VideoFixtures.Mp4TwoSeconds));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery", (await response.Content.ReadFromJsonAsync<PublishingError>())?.Code.Value);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Upload_MultipartWithHugeTokenField_IsRefusedWith400BeforeTheFieldIsReadWhole()
    {
        using var flow = await _app.SignInFlowAsync("uploader@sandbox.midx.test");
        const string boundary = "midx-test-boundary";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_app.ServerAddress.Host, _app.ServerAddress.Port);
        var stream = tcp.GetStream();

        // The request declares a 100 MB body but sends only 64 KB of a token field, then waits: only a server that stops
        // reading the field early can answer at all.
        var head = $"POST {UploadEndpoints.Path} HTTP/1.1\r\nHost: {_app.ServerAddress.Authority}\r\n"
            + $"Cookie: {flow.Cookies.GetCookieHeader(_app.ServerAddress)}\r\nAccept: application/json\r\n"
            + $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('A', 64 * 1024)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (status, body) = await ReadResponseAsync(stream, timeout.Token);

        Assert.Equal(400, status);
        var error = JsonSerializer.Deserialize<PublishingError>(body, JsonSerializerOptions.Web);
        Assert.Equal("antiforgery", error?.Code.Value);
        Assert.Contains("security token", error?.Message, StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public Task Upload_ClientGoesSilentMidBody_Gets408InWordsKeepsNoPartialFileAndLogsNoError() =>
        // 4 KB of a declared 100 MB, then nothing: the idle timeout (2 s here) answers long before Kestrel would.
        AssertStalledUploadIsRefusedCleanlyAsync(_app, bytesSent: 4 * 1024);

    [Fact]
    public async Task Upload_ClientSendsOneByteThenGoesSilent_KestrelsDataRateLimitAlsoGets408InWords()
    {
        // With a long idle timeout, Kestrel's minimum data rate (240 bytes/s after 5 s) is what notices the stall.
        // The media sweep may only call a partial file abandoned after a longer silence than that timeout allows.
        using var app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["Midx:Publishing:UploadIdleTimeout"] = "00:10:00",
            ["Midx:Retention:AbandonedUploadMinutes"] = "11",
        });

        await AssertStalledUploadIsRefusedCleanlyAsync(app, bytesSent: 1);
    }

    [Theory]
    [InlineData("0195f3a1c2d34e5f8a9b0c1d2e3f4a5b")]
    [InlineData("not-an-upload")]
    public async Task Delete_UnknownUpload_Answers404(string id)
    {
        using var client = await _app.SignInAsync("uploader@sandbox.midx.test");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{UploadEndpoints.Path}/{id}");
        request.Headers.Add(UploadEndpoints.AntiforgeryHeader, await AntiforgeryTokenAsync(client));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("upload_gone", (await response.Content.ReadFromJsonAsync<PublishingError>())?.Code.Value);
    }

    [Fact]
    public async Task Upload_PlainHtmlFormWithoutJavaScript_StoresAndRedirectsToCompose()
    {
        using var client = await _app.SignInAsync("uploader@sandbox.midx.test");

        using var response = await client.PostUploadFormAsync(
            UploadEndpoints.Path, await AntiforgeryTokenAsync(client), VideoFixtures.MovOneAndAHalfSeconds, "holiday.mov", "video/quicktime");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compose?upload=", response.Headers.Location?.OriginalString);
        Assert.Single(StoredFiles(), f => f.EndsWith(".mov", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_MoreThanHourlyLimit_IsRefusedWith429AndPlainWords()
    {
        using var client = await _app.SignInAsync("busy@sandbox.midx.test");
        var token = await AntiforgeryTokenAsync(client);
        for (var i = 0; i < 5; i++)
        {
            using var ok = await PostRawAsync(client, token, VideoFixtures.Mp4TwoSeconds, "clip.mp4");
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var refused = await PostRawAsync(client, token, VideoFixtures.Mp4TwoSeconds, "clip.mp4");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("upload_rate_limited", (await refused.Content.ReadFromJsonAsync<PublishingError>())?.Code.Value);
        Assert.Equal(5, StoredFiles().Count(f => f.EndsWith(".mp4", StringComparison.Ordinal)));
    }

    public void Dispose() => _app.Dispose();

    private List<string> StoredFiles() =>
        Directory.Exists(MediaFolder) ? Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).ToList() : [];

    /// <summary>
    /// Starts a raw upload of a declared 100 MB over a socket, sends <paramref name="bytesSent"/> of it and goes silent:
    /// the answer must be the endpoint's JSON 408, with the partial file (which existed) gone and no error logged.
    /// </summary>
    private static async Task AssertStalledUploadIsRefusedCleanlyAsync(MidxAppFactory app, int bytesSent)
    {
        using var flow = await app.SignInFlowAsync("uploader@sandbox.midx.test");
        var token = await AntiforgeryTokenAsync(flow.Client);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.ServerAddress.Host, app.ServerAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST {UploadEndpoints.Path} HTTP/1.1\r\nHost: {app.ServerAddress.Authority}\r\n"
            + $"Cookie: {flow.Cookies.GetCookieHeader(app.ServerAddress)}\r\nAccept: application/json\r\n"
            + $"{UploadEndpoints.AntiforgeryHeader}: {token}\r\n"
            + $"Content-Type: application/octet-stream\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds).AsMemory(0, bytesSent));
        var media = Path.Combine(app.DataFolder, "media");
        List<string> Stored() => Directory.Exists(media) ? Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).ToList() : [];
        for (var waited = 0; waited < 200 && Stored().Count == 0; waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.NotEmpty(Stored());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (status, body) = await ReadResponseAsync(stream, timeout.Token);

        Assert.Equal(408, status);
        var error = JsonSerializer.Deserialize<PublishingError>(body, JsonSerializerOptions.Web);
        Assert.Equal("upload_stalled", error?.Code.Value);
        Assert.Contains("stopped", error?.Message, StringComparison.Ordinal);
        Assert.Empty(Stored());
        Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    private static ByteArrayContent VideoBody(string fixture)
    {
        var body = new ByteArrayContent(VideoFixtures.Bytes(fixture));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return body;
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string token, string fixture, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, UploadEndpoints.Path) { Content = VideoBody(fixture) };
        request.Headers.Add(UploadEndpoints.AntiforgeryHeader, token);
        request.Headers.Add(UploadEndpoints.FileNameHeader, Uri.EscapeDataString(name));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client.SendAsync(request);
    }

    /// <summary>Reads one HTTP/1.1 response (chunked, as Kestrel sends JSON) off a raw connection: its status and body.</summary>
    private static async Task<(int Status, string Body)> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var status = int.Parse((await reader.ReadLineAsync(cancellationToken))!.Split(' ')[1], CultureInfo.InvariantCulture);
        var chunked = false;
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } header)
        {
            chunked |= header.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(chunked, "Expected a chunked answer.");
        var body = new StringBuilder();
        while (int.Parse((await reader.ReadLineAsync(cancellationToken))!, NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var size and > 0)
        {
            var chunk = new char[size];
            await reader.ReadBlockAsync(chunk, cancellationToken);
            body.Append(chunk);
            await reader.ReadLineAsync(cancellationToken);
        }

        return (status, body.ToString());
    }

    /// <summary>The antiforgery token any signed-in page carries (the sign-out form's), as the upload script reads it.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The signed-in home page has no antiforgery token.");
    }
}
