using System.Buffers;
using System.IO.Pipelines;

namespace Midx.App.Publishing;

/// <summary>
/// A request body that gives up when nothing arrives for <paramref name="idleTimeout"/>: each read waits that long at
/// most and then throws <see cref="TimeoutException"/>, so a client that stops sending cannot hold an upload (its
/// partial file and its slot) open. Kestrel's minimum data rate averages over the whole body, so once many bytes have
/// arrived it takes a very long time to notice a stall.
/// </summary>
/// <remarks>
/// It reads the body's <see cref="PipeReader"/> and ends a stalled read with <see cref="PipeReader.CancelPendingRead"/>
/// followed by <see cref="PipeReader.AdvanceTo(SequencePosition)"/>. Cancelling a read of <c>Request.Body</c> with a
/// token instead leaves Kestrel's body reader "in progress", and Kestrel then logs an error when it drains the rest.
/// </remarks>
internal sealed class IdleTimeoutStream(PipeReader body, TimeSpan idleTimeout, TimeProvider time) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            ReadResult result;
            await using (time.CreateTimer(_ => body.CancelPendingRead(), null, idleTimeout, Timeout.InfiniteTimeSpan))
            {
                result = await body.ReadAsync(cancellationToken);
            }

            if (result.IsCanceled)
            {
                body.AdvanceTo(result.Buffer.Start);
                // The timer can fire just after a read returned data; only a read that really waited the whole time counts.
                if (time.GetElapsedTime(started) >= idleTimeout)
                {
                    throw new TimeoutException($"No bytes of the upload arrived for {idleTimeout}.");
                }

                continue;
            }

            // The length is taken before AdvanceTo, which hands the buffer's segments back to the pipe.
            var chunk = result.Buffer.Slice(0, Math.Min(buffer.Length, result.Buffer.Length));
            var length = (int)chunk.Length;
            chunk.CopyTo(buffer.Span);
            body.AdvanceTo(chunk.End);
            if (length > 0 || result.IsCompleted)
            {
                return length;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel refuses synchronous reads of a request body, so there is nothing to offer here.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
