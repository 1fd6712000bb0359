using System.Net;
using System.Net.Http.Headers;

namespace Midx.Core.TikTok;

/// <summary>
/// One chunk's bytes, read from the caller's stream straight into the request as it is sent: never the whole file,
/// never even the whole chunk in memory. The stream is positioned at the chunk's first byte, so a retry of the
/// same chunk re-reads it from disk.
/// </summary>
internal sealed class ChunkContent : HttpContent
{
    private const int BufferSize = 81_920;

    private readonly Stream _video;
    private readonly ChunkRange _chunk;

    public ChunkContent(Stream video, ChunkRange chunk, string contentType)
    {
        _video = video;
        _chunk = chunk;
        Headers.ContentType = new MediaTypeHeaderValue(contentType);
        Headers.ContentLength = chunk.Length;
        Headers.ContentRange = new ContentRangeHeaderValue(chunk.First, chunk.Last, chunk.Total);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_video.CanSeek)
        {
            _video.Seek(_chunk.First, SeekOrigin.Begin);
        }

        var buffer = new byte[BufferSize];
        var remaining = _chunk.Length;
        while (remaining > 0)
        {
            var read = await _video.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                throw new IOException($"The video ended {remaining} bytes before the end of chunk {_chunk.Index} ({_chunk.ContentRange}).");
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _chunk.Length;
        return true;
    }
}
