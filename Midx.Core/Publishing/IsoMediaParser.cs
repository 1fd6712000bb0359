using System.Buffers.Binary;
using System.Text;
using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>
/// Reads MP4 and MOV (ISO base media / QuickTime): the brand from <c>ftyp</c>, the duration from <c>moov/mvhd</c>
/// (timescale and duration, version 0 or 1) and whether a video track exists. Only box headers are read.
/// </summary>
internal static class IsoMediaParser
{
    /// <summary>Top-level atoms that may open a QuickTime file written before <c>ftyp</c> existed.</summary>
    private static readonly HashSet<string> LegacyQuickTimeFirstBoxes = ["moov", "wide", "free", "skip", "mdat", "pnot"];

    /// <summary>Brands of ISO files that hold MP4 video (audio-only M4A and image HEIF/AVIF brands are left out on purpose).</summary>
    private static readonly HashSet<string> Mp4Brands =
    [
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "avc1", "M4V ", "M4VH",
        "M4VP", "mmp4", "dash", "msnv", "XAVC", "f4v ", "hvc1", "hev1", "av01", "3gp4", "3gp5", "3gp6", "3g2a",
    ];

    public static bool LooksLikeIsoMedia(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8)
        {
            return false;
        }

        var type = Encoding.ASCII.GetString(head.Slice(4, 4));
        return type == "ftyp" || LegacyQuickTimeFirstBoxes.Contains(type);
    }

    public static async Task<PublishingResult<VideoFacts>> ReadAsync(SeekableReader reader, CancellationToken cancellationToken)
    {
        VideoContainer? container = null;
        MovieHeader? header = null;
        var hasVideoTrack = false;
        var first = true;
        long position = 0;
        while (position < reader.Length)
        {
            var box = await ReadBoxAsync(reader, position, reader.Length, cancellationToken);
            if (box is null)
            {
                return VideoErrors.Truncated;
            }

            if (first)
            {
                first = false;
                if (box.Type != "ftyp" && !LegacyQuickTimeFirstBoxes.Contains(box.Type))
                {
                    return VideoErrors.NotAVideo;
                }

                container = VideoContainer.QuickTime;
            }

            if (box.Type == "ftyp")
            {
                var brands = await reader.ReadAsync(box.PayloadStart, (int)Math.Min(box.PayloadLength, 256), cancellationToken);
                var chosen = ContainerFromBrands(brands.Span);
                if (chosen is null)
                {
                    var major = brands.Length >= 4 ? Encoding.ASCII.GetString(brands.Span[..4]).Trim() : "?";
                    return PublishingResult<VideoFacts>.Fail(ErrorCatalog.UnsupportedContainer,
                        $"This file is an ISO media file of type \"{major}\" (for example audio only or a picture), "
                        + "not an MP4 or MOV video. Export it as an MP4 video and upload that.");
                }

                container = chosen;
            }
            else if (box.Type == "moov")
            {
                header = await ReadMovieHeaderAsync(reader, box, cancellationToken);
                hasVideoTrack = await HasVideoTrackAsync(reader, box, cancellationToken);
            }

            position = box.End;
        }

        if (container is null)
        {
            return VideoErrors.NotAVideo;
        }

        if (header is null)
        {
            return VideoErrors.Truncated;
        }

        if (!hasVideoTrack)
        {
            return VideoErrors.NoVideoTrack;
        }

        if (header.Timescale == 0)
        {
            return VideoErrors.Damaged;
        }

        if (header.DurationUnknown)
        {
            return VideoErrors.DurationUnknown;
        }

        var seconds = (double)header.Duration / header.Timescale;
        return PublishingResult<VideoFacts>.Ok(new VideoFacts(container.Value, reader.Length, TimeSpan.FromSeconds(seconds)));
    }

    private static VideoContainer? ContainerFromBrands(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            return null;
        }

        var major = Encoding.ASCII.GetString(payload[..4]);
        if (major == "qt  ")
        {
            return VideoContainer.QuickTime;
        }

        var brands = new List<string> { major };
        for (var offset = 8; offset + 4 <= payload.Length; offset += 4)
        {
            brands.Add(Encoding.ASCII.GetString(payload.Slice(offset, 4)));
        }

        if (brands.Any(Mp4Brands.Contains))
        {
            return VideoContainer.Mp4;
        }

        return brands.Contains("qt  ") ? VideoContainer.QuickTime : null;
    }

    private static async Task<MovieHeader?> ReadMovieHeaderAsync(SeekableReader reader, Box moov, CancellationToken cancellationToken)
    {
        var mvhd = await FindChildAsync(reader, moov, "mvhd", cancellationToken);
        if (mvhd is null || mvhd.PayloadLength < 4)
        {
            return null;
        }

        var version = (await reader.ReadAsync(mvhd.PayloadStart, 1, cancellationToken)).Span[0];
        // Version 1 widens the creation/modification times and the duration to 64 bits (ISO/IEC 14496-12 8.2.2).
        var needed = version == 1 ? 4 + 8 + 8 + 4 + 8 : 4 + 4 + 4 + 4 + 4;
        if (mvhd.PayloadLength < needed)
        {
            return null;
        }

        var bytes = (await reader.ReadAsync(mvhd.PayloadStart, needed, cancellationToken)).Span;
        if (version == 1)
        {
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(20, 4));
            var duration = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(24, 8));
            return new MovieHeader(timescale, duration, duration == ulong.MaxValue);
        }
        else
        {
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(12, 4));
            var duration = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(16, 4));
            return new MovieHeader(timescale, duration, duration == uint.MaxValue);
        }
    }

    private static async Task<bool> HasVideoTrackAsync(SeekableReader reader, Box moov, CancellationToken cancellationToken)
    {
        var position = moov.PayloadStart;
        while (position < moov.End)
        {
            var trak = await ReadBoxAsync(reader, position, moov.End, cancellationToken);
            if (trak is null)
            {
                return false;
            }

            if (trak.Type == "trak"
                && await FindChildAsync(reader, trak, "mdia", cancellationToken) is { } mdia
                && await FindChildAsync(reader, mdia, "hdlr", cancellationToken) is { PayloadLength: >= 12 } hdlr)
            {
                // hdlr: version+flags (4), pre_defined (4), handler_type (4); "vide" marks a video track.
                var handler = await reader.ReadAsync(hdlr.PayloadStart + 8, 4, cancellationToken);
                if (Encoding.ASCII.GetString(handler.Span) == "vide")
                {
                    return true;
                }
            }

            position = trak.End;
        }

        return false;
    }

    private static async Task<Box?> FindChildAsync(SeekableReader reader, Box parent, string type, CancellationToken cancellationToken)
    {
        var position = parent.PayloadStart;
        while (position < parent.End)
        {
            var child = await ReadBoxAsync(reader, position, parent.End, cancellationToken);
            if (child is null)
            {
                return null;
            }

            if (child.Type == type)
            {
                return child;
            }

            position = child.End;
        }

        return null;
    }

    /// <summary>The box at <paramref name="position"/>, or null when it does not fit inside <paramref name="limit"/>.</summary>
    private static async Task<Box?> ReadBoxAsync(SeekableReader reader, long position, long limit, CancellationToken cancellationToken)
    {
        if (limit - position < 8)
        {
            return null;
        }

        var head = await reader.ReadAsync(position, 8, cancellationToken);
        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(head.Span[..4]);
        var type = Encoding.ASCII.GetString(head.Span.Slice(4, 4));
        var headerLength = 8;
        if (size == 1)
        {
            if (limit - position < 16)
            {
                return null;
            }

            var large = await reader.ReadAsync(position + 8, 8, cancellationToken);
            var largeSize = BinaryPrimitives.ReadUInt64BigEndian(large.Span);
            if (largeSize > long.MaxValue)
            {
                return null;
            }

            size = (long)largeSize;
            headerLength = 16;
        }
        else if (size == 0)
        {
            // Size 0 means "to the end of the file" (or of the enclosing box).
            size = limit - position;
        }

        if (size < headerLength || size > limit - position)
        {
            return null;
        }

        return new Box(type, position, headerLength, size);
    }

    private sealed record Box(string Type, long Start, int HeaderLength, long Size)
    {
        public long PayloadStart => Start + HeaderLength;

        public long PayloadLength => Size - HeaderLength;

        public long End => Start + Size;
    }

    private sealed record MovieHeader(uint Timescale, ulong Duration, bool DurationUnknown);
}
