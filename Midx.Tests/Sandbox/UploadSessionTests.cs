using System.Security.Cryptography;
using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class UploadSessionTests
{
    private static readonly DateTimeOffset Now = SandboxTime.Start;

    // A 10-byte video in chunks of 3: 0-2, 3-5, 6-9 (the last chunk absorbs the remainder).
    private static UploadSession NewSession() => new("1", "token", 10, 3, 3, Now.AddHours(1));

    private static readonly byte[] Video = [.. Enumerable.Range(1, 10).Select(i => (byte)i)];

    private static Task<UploadPutResult> Put(UploadSession session, long first, long last, string contentType = "video/mp4",
        long? contentLength = null, string? range = null, byte[]? body = null, DateTimeOffset? at = null)
    {
        var bytes = body ?? Video[(int)first..(int)(last + 1)];
        var request = new UploadPutRequest(contentType, contentLength ?? bytes.Length, range ?? $"bytes {first}-{last}/10");
        return session.PutAsync(request, new MemoryStream(bytes), at ?? Now, CancellationToken.None);
    }

    [Fact]
    public async Task PutAsync_ChunksInOrder_Answers206Then201AndHashesTheWholeVideo()
    {
        var session = NewSession();

        var first = await Put(session, 0, 2);
        var second = await Put(session, 3, 5);
        Assert.Null(session.Sha256);
        var last = await Put(session, 6, 9);

        Assert.Equal((206, "bytes 0-2/10"), (first.StatusCode, first.ContentRange));
        Assert.Equal((206, "bytes 0-5/10"), (second.StatusCode, second.ContentRange));
        Assert.Equal((201, "bytes 0-9/10"), (last.StatusCode, last.ContentRange));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Video)), session.Sha256);
        Assert.Equal(Now, session.CompletedAt);
    }

    [Fact]
    public async Task PutAsync_SingleChunkPlan_Answers201()
    {
        var session = new UploadSession("1", "t", 10, 10, 1, Now.AddHours(1));

        var result = await Put(session, 0, 9);

        Assert.Equal(201, result.StatusCode);
        Assert.Equal(10, session.ReceivedBytes);
    }

    [Fact]
    public async Task PutAsync_SkippedChunk_Answers416WithProgress()
    {
        var session = NewSession();
        await Put(session, 0, 2);

        var result = await Put(session, 6, 9);

        Assert.Equal((416, "bytes 0-2/10"), (result.StatusCode, result.ContentRange));
        Assert.Equal(3, session.ReceivedBytes);
    }

    [Fact]
    public async Task PutAsync_RangeOffThePlannedBoundaries_Answers416()
    {
        var session = NewSession();

        var result = await Put(session, 0, 3);

        Assert.Equal(416, result.StatusCode);
        Assert.Equal("bytes */10", result.ContentRange);
    }

    [Fact]
    public async Task PutAsync_RepeatedChunkAfterItWasAccepted_Answers416()
    {
        var session = NewSession();
        await Put(session, 0, 2);

        var again = await Put(session, 0, 2);

        Assert.Equal(416, again.StatusCode);
    }

    [Fact]
    public async Task PutAsync_AfterTheLastChunk_Answers416()
    {
        var session = new UploadSession("1", "t", 10, 10, 1, Now.AddHours(1));
        await Put(session, 0, 9);

        var again = await Put(session, 0, 9);

        Assert.Equal((416, "bytes 0-9/10"), (again.StatusCode, again.ContentRange));
    }

    [Theory]
    [InlineData("video/mp4", 3L, "bytes 0-2/11", "total is not video_size")]
    [InlineData("video/mp4", 4L, "bytes 0-2/10", "Content-Length is not the range size")]
    [InlineData("image/png", 3L, "bytes 0-2/10", "not a video type")]
    [InlineData("video/mp4", 3L, "0-2/10", "malformed range")]
    [InlineData("video/mp4", 3L, "bytes 2-0/10", "backwards range")]
    public async Task PutAsync_MalformedHeaders_Answers400AndKeepsProgress(string contentType, long contentLength, string range, string why)
    {
        var session = NewSession();

        var result = await session.PutAsync(new UploadPutRequest(contentType, contentLength, range), new MemoryStream(Video[..3]), Now, CancellationToken.None);

        Assert.True(result.StatusCode == 400, why);
        Assert.Equal(0, session.ReceivedBytes);
    }

    [Fact]
    public async Task PutAsync_MissingHeaders_Answers400()
    {
        var session = NewSession();

        var noType = await session.PutAsync(new UploadPutRequest(null, 3, "bytes 0-2/10"), new MemoryStream(Video[..3]), Now, CancellationToken.None);
        var noLength = await session.PutAsync(new UploadPutRequest("video/mp4", null, "bytes 0-2/10"), new MemoryStream(Video[..3]), Now, CancellationToken.None);
        var noRange = await session.PutAsync(new UploadPutRequest("video/mp4", 3, null), new MemoryStream(Video[..3]), Now, CancellationToken.None);

        Assert.Equal([400, 400, 400], new[] { noType.StatusCode, noLength.StatusCode, noRange.StatusCode });
    }

    [Fact]
    public async Task PutAsync_BodyShorterThanDeclared_Answers400AndTheRetrySucceeds()
    {
        var session = NewSession();

        var broken = await Put(session, 0, 2, contentLength: 3, body: Video[..2]);
        var retried = await Put(session, 0, 2);
        await Put(session, 3, 5);
        await Put(session, 6, 9);

        Assert.Equal(400, broken.StatusCode);
        Assert.Equal(206, retried.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Video)), session.Sha256);
    }

    [Fact]
    public async Task PutAsync_BodyLongerThanDeclared_Answers400()
    {
        var session = NewSession();

        var result = await Put(session, 0, 2, contentLength: 3, body: Video[..5]);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(0, session.ReceivedBytes);
    }

    [Fact]
    public async Task PutAsync_AfterTheUrlExpired_Answers403()
    {
        var session = NewSession();

        var result = await Put(session, 0, 2, at: Now.AddHours(1));

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task PutAsync_ContentTypeWithParameters_IsAccepted()
    {
        var session = NewSession();

        var result = await Put(session, 0, 2, contentType: "video/quicktime; charset=binary");

        Assert.Equal(206, result.StatusCode);
    }

    [Fact]
    public async Task LoadAll_AfterAChunkFailedHalfway_ResumesAtTheNextChunkAndHashesOnlyAcceptedBytes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "midx-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var state = new SandboxStateFile(Path.Combine(folder, "sandbox-tiktok.db"));
            var session = new UploadSession("1", "token", 10, 3, 3, Now.AddHours(1), state);
            await Put(session, 0, 2);
            var halfway = await Put(session, 3, 5, contentLength: 3, body: Video[3..5]);

            var restored = Assert.Single(UploadSession.LoadAll(state));
            var next = await Put(restored, 3, 5);
            var last = await Put(restored, 6, 9);

            Assert.Equal((400, 206, 201), (halfway.StatusCode, next.StatusCode, last.StatusCode));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Video)), restored.Sha256);
            Assert.Empty(Directory.GetFiles(state.UploadsFolder));
            Assert.Equal(Now, Assert.Single(UploadSession.LoadAll(state)).CompletedAt);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
