namespace Midx.Core.Publishing;

/// <summary>Reads small pieces of a seekable stream at absolute positions; the container parsers never load the media itself.</summary>
internal sealed class SeekableReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[512];

    public long Length { get; } = stream.Length;

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="position"/>; the caller has checked they exist.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long position, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length);
        stream.Position = position;
        await stream.ReadExactlyAsync(_buffer.AsMemory(0, count), cancellationToken);
        return _buffer.AsMemory(0, count);
    }

    /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>, fewer at the end of the stream.</summary>
    public ValueTask<ReadOnlyMemory<byte>> ReadUpToAsync(long position, int count, CancellationToken cancellationToken)
    {
        var available = (int)Math.Clamp(Length - position, 0, count);
        return ReadAsync(position, available, cancellationToken);
    }
}
