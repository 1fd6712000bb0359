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
    // One timer for the whole body, re-armed for each read: an upload of gigabytes makes tens of thousands of reads.
    private ITimer? _idle;

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
        _idle ??= time.CreateTimer(_ => body.CancelPendingRead(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var started = time.GetTimestamp();
        while (true)
        {
            ReadResult result;
            _idle.Change(idleTimeout, Timeout.InfiniteTimeSpan);
            try
            {
                result = await body.ReadAsync(cancellationToken);
            }
            finally
            {
                _idle.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            if (result.IsCanceled)
            {
                body.AdvanceTo(result.Buffer.Start);
                // A timer that fired just after a read returned data cancels the next read early; only a read that really
                // waited the whole time counts.
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _idle?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
