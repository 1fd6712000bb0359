using System.Buffers.Binary;
using System.Text;
using Midx.Core.Publishing;

namespace Midx.Tests.Publishing;

public sealed class VideoInspectorTests
{
    [Theory]
    [InlineData(VideoFixtures.Mp4TwoSeconds, VideoContainer.Mp4, "video/mp4", ".mp4", 2000)]
    [InlineData(VideoFixtures.MovOneAndAHalfSeconds, VideoContainer.QuickTime, "video/quicktime", ".mov", 1500)]
    [InlineData(VideoFixtures.WebMThreeSeconds, VideoContainer.WebM, "video/webm", ".webm", 3000)]
    public async Task InspectFileAsync_RealVideo_ReadsContainerAndDurationFromHeader(string name, VideoContainer container, string mime, string extension, int durationMs)
    {
        var result = await VideoInspector.InspectFileAsync(VideoFixtures.PathOf(name), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(container, result.Value.Container);
        Assert.Equal(mime, result.Value.MimeType);
        Assert.Equal(extension, result.Value.Extension);
        Assert.Equal(new FileInfo(VideoFixtures.PathOf(name)).Length, result.Value.Size);
        Assert.InRange(result.Value.DurationMs, durationMs - 5, durationMs + 5);
    }

    [Fact]
    public async Task InspectFileAsync_TruncatedMp4_IsRefusedAsIncomplete()
    {
        var result = await VideoInspector.InspectFileAsync(VideoFixtures.PathOf(VideoFixtures.TruncatedMp4), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("truncated", result.Error.Code.Value);
        Assert.Contains("incomplete", result.Error.Message);
    }

    [Fact]
    public async Task InspectFileAsync_TextFileRenamedToMp4_IsRefusedAsNotAVideo()
    {
        var result = await VideoInspector.InspectFileAsync(VideoFixtures.PathOf(VideoFixtures.RenamedText), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("not_a_video", result.Error.Code.Value);
        Assert.Contains("MP4, MOV and WebM", result.Error.Message);
    }

    [Fact]
    public async Task InspectAsync_EmptyFile_IsRefusedAsEmpty()
    {
        var result = await VideoInspector.InspectAsync(new MemoryStream(), CancellationToken.None);

        Assert.Equal("empty_file", result.Error?.Code.Value);
    }

    [Fact]
    public async Task InspectAsync_LargerThanFourGigabytes_IsRefusedBeforeReading()
    {
        var result = await VideoInspector.InspectAsync(new LengthOnlyStream(VideoLimits.MaxBytes + 1), CancellationToken.None);

        Assert.Equal("file_too_large", result.Error?.Code.Value);
        Assert.Contains("4 GB", result.Error?.Message);
    }

    [Fact]
    public async Task InspectAsync_Mp4WithMovieHeaderVersion1_ReadsSixtyFourBitDuration()
    {
        var bytes = IsoFile("isom", MovieHeaderV1(timescale: 90_000, duration: 90_000UL * 125), VideoTrack());

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(VideoContainer.Mp4, result.Value.Container);
        Assert.Equal(TimeSpan.FromSeconds(125), result.Value.Duration);
    }

    [Fact]
    public async Task InspectAsync_Mp4WithMovieHeaderVersion0_ReadsThirtyTwoBitDuration()
    {
        var bytes = IsoFile("mp42", MovieHeaderV0(timescale: 600, duration: 600 * 42), VideoTrack());

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(TimeSpan.FromSeconds(42), result.Value.Duration);
    }

    [Fact]
    public async Task InspectAsync_MovieHeaderWithUnknownDuration_IsRefusedWithDurationUnknown()
    {
        var bytes = IsoFile("isom", MovieHeaderV0(timescale: 1000, duration: uint.MaxValue), VideoTrack());

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal("duration_unknown", result.Error?.Code.Value);
    }

    [Fact]
    public async Task InspectAsync_AudioOnlyM4a_IsRefusedAsUnsupportedContainer()
    {
        var bytes = IsoFile("M4A ", MovieHeaderV0(timescale: 1000, duration: 5000), Track("soun"));

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal("unsupported_container", result.Error?.Code.Value);
    }

    [Fact]
    public async Task InspectAsync_Mp4WithOnlyAnAudioTrack_IsRefusedAsNoVideoTrack()
    {
        var bytes = IsoFile("isom", MovieHeaderV0(timescale: 1000, duration: 5000), Track("soun"));

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal("no_video_track", result.Error?.Code.Value);
    }

    [Fact]
    public async Task InspectAsync_WebMWithCustomTimecodeScale_MultipliesDurationByScale()
    {
        // 8,000 ticks of 0.5 ms = 4 s.
        var bytes = EbmlFile("webm", timecodeScale: 500_000, duration: 8_000);

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(VideoContainer.WebM, result.Value.Container);
        Assert.Equal(TimeSpan.FromSeconds(4), result.Value.Duration);
    }

    [Fact]
    public async Task InspectAsync_WebMWithoutDuration_IsRefusedWithDurationUnknown()
    {
        var bytes = EbmlFile("webm", timecodeScale: 1_000_000, duration: null);

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal("duration_unknown", result.Error?.Code.Value);
    }

    [Fact]
    public async Task InspectAsync_MatroskaDocument_IsRefusedAsUnsupportedContainer()
    {
        var bytes = EbmlFile("matroska", timecodeScale: 1_000_000, duration: 1000);

        var result = await VideoInspector.InspectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal("unsupported_container", result.Error?.Code.Value);
        Assert.Contains(".mkv", result.Error?.Message);
    }

    [Fact]
    public async Task InspectAsync_WebMCutOffInsideItsSegment_IsRefusedAsTruncated()
    {
        var whole = VideoFixtures.Bytes(VideoFixtures.WebMThreeSeconds);

        var result = await VideoInspector.InspectAsync(new MemoryStream(whole[..(whole.Length / 2)]), CancellationToken.None);

        Assert.Equal("truncated", result.Error?.Code.Value);
    }

    [Theory]
    [InlineData(2, 1, "too_long")]
    [InlineData(2, 2, null)]
    [InlineData(601, 900, "too_long")]
    [InlineData(600, 900, null)]
    [InlineData(0, 60, "too_short")]
    public void CheckDuration_AgainstCreatorLimitAndApiMaximum_RefusesOnlyWhatTikTokWould(int seconds, int creatorMax, string? expected)
    {
        var video = new VideoFacts(VideoContainer.Mp4, 1000, TimeSpan.FromSeconds(seconds));

        var error = VideoInspector.CheckDuration(video, creatorMax);

        Assert.Equal(expected, error?.Code.Value);
    }

    [Fact]
    public void CheckDuration_TooLong_SaysBothLengthsInWords()
    {
        var video = new VideoFacts(VideoContainer.Mp4, 1000, TimeSpan.FromSeconds(200));

        var error = VideoInspector.CheckDuration(video, 180);

        Assert.Equal("The video is 3 min 20 s long; this TikTok account can post videos of at most 3 minutes. Trim it and upload it again.", error?.Message);
    }

    private static byte[] IsoFile(string majorBrand, byte[] mvhd, byte[] trak) =>
        [.. Box("ftyp", Encoding.ASCII.GetBytes(majorBrand), new byte[4], Encoding.ASCII.GetBytes(majorBrand)), .. Box("moov", mvhd, trak)];

    private static byte[] MovieHeaderV0(uint timescale, uint duration)
    {
        var payload = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(12), timescale);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(16), duration);
        return Box("mvhd", payload);
    }

    private static byte[] MovieHeaderV1(uint timescale, ulong duration)
    {
        var payload = new byte[112];
        payload[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(20), timescale);
        BinaryPrimitives.WriteUInt64BigEndian(payload.AsSpan(24), duration);
        return Box("mvhd", payload);
    }

    private static byte[] VideoTrack() => Track("vide");

    private static byte[] Track(string handler)
    {
        var hdlr = new byte[24];
        Encoding.ASCII.GetBytes(handler).CopyTo(hdlr, 8);
        return Box("trak", Box("mdia", Box("hdlr", hdlr)));
    }

    private static byte[] Box(string type, params byte[][] parts)
    {
        var payload = parts.SelectMany(p => p).ToArray();
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        payload.CopyTo(box, 8);
        return box;
    }

    private static byte[] EbmlFile(string docType, ulong timecodeScale, double? duration)
    {
        var header = Element([0x1A, 0x45, 0xDF, 0xA3], Element([0x42, 0x82], Encoding.ASCII.GetBytes(docType)));
        var scale = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(scale, (uint)timecodeScale);
        var info = duration is null
            ? Element([0x15, 0x49, 0xA9, 0x66], Element([0x2A, 0xD7, 0xB1], scale))
            : Element([0x15, 0x49, 0xA9, 0x66], Element([0x2A, 0xD7, 0xB1], scale), Element([0x44, 0x89], DoubleBytes(duration.Value)));
        var tracks = Element([0x16, 0x54, 0xAE, 0x6B], Element([0xAE], Element([0x83], [1])));
        return [.. header, .. Element([0x18, 0x53, 0x80, 0x67], info, tracks)];
    }

    private static byte[] DoubleBytes(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return bytes;
    }

    /// <summary>An EBML element with an 8-byte size field (0x01 marker), which every reader must accept.</summary>
    private static byte[] Element(byte[] id, params byte[][] parts)
    {
        var payload = parts.SelectMany(p => p).ToArray();
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)payload.Length);
        size[0] = 0x01;
        return [.. id, .. size, .. payload];
    }

    /// <summary>Claims a length without holding any bytes, to test the size rule without a 4 GB file.</summary>
    private sealed class LengthOnlyStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The size rule must not read the file.");
        public override long Seek(long offset, SeekOrigin origin) => Position = offset;
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
