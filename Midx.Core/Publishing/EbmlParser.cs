using System.Buffers.Binary;
using System.Text;

namespace Midx.Core.Publishing;

/// <summary>
/// Reads WebM (an EBML document of type "webm"): the duration from Segment/Info (Duration × TimecodeScale, in
/// nanoseconds) and whether a video track exists. Clusters are skipped by their sizes, never read.
/// </summary>
internal static class EbmlParser
{
    private const uint EbmlHeaderId = 0x1A45DFA3;
    private const uint DocTypeId = 0x4282;
    private const uint SegmentId = 0x18538067;
    private const uint InfoId = 0x1549A966;
    private const uint TimecodeScaleId = 0x2AD7B1;
    private const uint DurationId = 0x4489;
    private const uint TracksId = 0x1654AE6B;
    private const uint TrackEntryId = 0xAE;
    private const uint TrackTypeId = 0x83;
    private const ulong VideoTrackType = 1;
    private const ulong DefaultTimecodeScale = 1_000_000;

    public static bool LooksLikeEbml(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(head[..4]) == EbmlHeaderId;

    public static async Task<PublishingResult<VideoFacts>> ReadAsync(SeekableReader reader, CancellationToken cancellationToken)
    {
        var header = await ReadElementAsync(reader, 0, reader.Length, cancellationToken);
        if (header is null || header.Id != EbmlHeaderId || header.UnknownSize)
        {
            return VideoErrors.Truncated;
        }

        var docType = await ReadDocTypeAsync(reader, header, cancellationToken);
        if (docType == "matroska")
        {
            return VideoErrors.Matroska;
        }

        if (docType != "webm")
        {
            return VideoErrors.NotAVideo;
        }

        var segment = await ReadElementAsync(reader, header.End, reader.Length, cancellationToken);
        if (segment is null || segment.Id != SegmentId)
        {
            return VideoErrors.Truncated;
        }

        double? durationTicks = null;
        var timecodeScale = DefaultTimecodeScale;
        var hasVideoTrack = false;
        var position = segment.DataStart;
        while (position < segment.End)
        {
            var child = await ReadElementAsync(reader, position, segment.End, cancellationToken);
            if (child is null)
            {
                return VideoErrors.Truncated;
            }

            if (child.UnknownSize)
            {
                // A live-written cluster with no size cannot be skipped; what follows it cannot be checked.
                break;
            }

            if (child.Id == InfoId)
            {
                (timecodeScale, durationTicks) = await ReadInfoAsync(reader, child, cancellationToken);
            }
            else if (child.Id == TracksId)
            {
                hasVideoTrack = await HasVideoTrackAsync(reader, child, cancellationToken);
            }

            position = child.End;
        }

        if (!hasVideoTrack)
        {
            return VideoErrors.NoVideoTrack;
        }

        if (durationTicks is null)
        {
            return VideoErrors.DurationUnknown;
        }

        if (timecodeScale == 0 || double.IsNaN(durationTicks.Value) || durationTicks.Value < 0 || double.IsInfinity(durationTicks.Value))
        {
            return VideoErrors.Damaged;
        }

        var seconds = durationTicks.Value * timecodeScale / 1_000_000_000d;
        return PublishingResult<VideoFacts>.Ok(new VideoFacts(VideoContainer.WebM, reader.Length, TimeSpan.FromSeconds(seconds)));
    }

    private static async Task<string?> ReadDocTypeAsync(SeekableReader reader, Element header, CancellationToken cancellationToken)
    {
        var position = header.DataStart;
        while (position < header.End)
        {
            var child = await ReadElementAsync(reader, position, header.End, cancellationToken);
            if (child is null || child.UnknownSize)
            {
                return null;
            }

            if (child.Id == DocTypeId)
            {
                var text = await reader.ReadAsync(child.DataStart, (int)Math.Min(child.DataSize, 64), cancellationToken);
                return Encoding.ASCII.GetString(text.Span).TrimEnd('\0');
            }

            position = child.End;
        }

        return null;
    }

    private static async Task<(ulong TimecodeScale, double? Duration)> ReadInfoAsync(SeekableReader reader, Element info, CancellationToken cancellationToken)
    {
        var scale = DefaultTimecodeScale;
        double? duration = null;
        var position = info.DataStart;
        while (position < info.End)
        {
            var child = await ReadElementAsync(reader, position, info.End, cancellationToken);
            if (child is null || child.UnknownSize)
            {
                break;
            }

            if (child.Id == TimecodeScaleId && child.DataSize is > 0 and <= 8)
            {
                scale = ReadUnsigned((await reader.ReadAsync(child.DataStart, (int)child.DataSize, cancellationToken)).Span);
            }
            else if (child.Id == DurationId && child.DataSize is 4 or 8)
            {
                var bytes = (await reader.ReadAsync(child.DataStart, (int)child.DataSize, cancellationToken)).Span;
                duration = child.DataSize == 4 ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadDoubleBigEndian(bytes);
            }

            position = child.End;
        }

        return (scale, duration);
    }

    private static async Task<bool> HasVideoTrackAsync(SeekableReader reader, Element tracks, CancellationToken cancellationToken)
    {
        var position = tracks.DataStart;
        while (position < tracks.End)
        {
            var entry = await ReadElementAsync(reader, position, tracks.End, cancellationToken);
            if (entry is null || entry.UnknownSize)
            {
                return false;
            }

            if (entry.Id == TrackEntryId)
            {
                var inner = entry.DataStart;
                while (inner < entry.End)
                {
                    var field = await ReadElementAsync(reader, inner, entry.End, cancellationToken);
                    if (field is null || field.UnknownSize)
                    {
                        break;
                    }

                    if (field.Id == TrackTypeId && field.DataSize is > 0 and <= 8
                        && ReadUnsigned((await reader.ReadAsync(field.DataStart, (int)field.DataSize, cancellationToken)).Span) == VideoTrackType)
                    {
                        return true;
                    }

                    inner = field.End;
                }
            }

            position = entry.End;
        }

        return false;
    }

    /// <summary>The element at <paramref name="position"/>, or null when its header or data runs past <paramref name="limit"/>.</summary>
    private static async Task<Element?> ReadElementAsync(SeekableReader reader, long position, long limit, CancellationToken cancellationToken)
    {
        var head = await reader.ReadUpToAsync(position, (int)Math.Min(12, Math.Max(0, limit - position)), cancellationToken);
        var span = head.Span;
        if (!TryReadVint(span, keepMarker: true, out var id, out var idLength, out _) || idLength > 4)
        {
            return null;
        }

        if (!TryReadVint(span[idLength..], keepMarker: false, out var size, out var sizeLength, out var unknown))
        {
            return null;
        }

        var dataStart = position + idLength + sizeLength;
        if (unknown)
        {
            return new Element((uint)id, dataStart, 0, true, limit);
        }

        if (size > (ulong)(limit - dataStart))
        {
            return null;
        }

        return new Element((uint)id, dataStart, (long)size, false, dataStart + (long)size);
    }

    /// <summary>An EBML variable-length integer: the count of leading zero bits of the first byte gives its length.</summary>
    private static bool TryReadVint(ReadOnlySpan<byte> bytes, bool keepMarker, out ulong value, out int length, out bool allOnes)
    {
        value = 0;
        length = 0;
        allOnes = false;
        if (bytes.IsEmpty || bytes[0] == 0)
        {
            return false;
        }

        length = System.Numerics.BitOperations.LeadingZeroCount((uint)bytes[0]) - 24 + 1;
        if (bytes.Length < length)
        {
            return false;
        }

        var marker = (byte)(0x80 >> (length - 1));
        value = keepMarker ? bytes[0] : (ulong)(bytes[0] & (marker - 1));
        var ones = (bytes[0] & (marker - 1)) == marker - 1;
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | bytes[i];
            ones &= bytes[i] == 0xFF;
        }

        allOnes = !keepMarker && ones;
        return true;
    }

    private static ulong ReadUnsigned(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private sealed record Element(uint Id, long DataStart, long DataSize, bool UnknownSize, long End);
}
