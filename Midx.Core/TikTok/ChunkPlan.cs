namespace Midx.Core.TikTok;

/// <summary>
/// How a video is cut into chunks for TikTok's FILE_UPLOAD
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide). The plan is valid whether TikTok's
/// "MB" means 1,000,000 or 1,048,576 bytes: up to 64,000,000 bytes the file goes whole; above that in 10,000,000-byte
/// chunks (TikTok's own example), <c>count = floor(size / chunk)</c>, the last chunk absorbing the remainder (always
/// under 20,000,000 bytes). A 64 MB chunk would give one chunk for 64–128 MB files, which TikTok refuses ("The chunk
/// size is invalid") because anything over 64 MB must be multi-chunk.
/// </summary>
public sealed class ChunkPlan
{
    /// <summary>TikTok's documented maximum, 4 GB.</summary>
    public const long MaxVideoSize = 4L * 1024 * 1024 * 1024;

    /// <summary>Largest file sent whole: within 64 MB under either reading of "MB".</summary>
    public const long MaxWholeUpload = 64_000_000;

    /// <summary>TikTok's own example chunk: at least 5 MiB and at most 64 MB under either reading.</summary>
    public const long StandardChunkSize = 10_000_000;

    private ChunkPlan(long videoSize, long chunkSize, int totalChunkCount)
    {
        VideoSize = videoSize;
        ChunkSize = chunkSize;
        TotalChunkCount = totalChunkCount;
    }

    public long VideoSize { get; }

    public long ChunkSize { get; }

    public int TotalChunkCount { get; }

    /// <summary>The chunks in the order they must be sent (TikTok requires sequential upload).</summary>
    public IEnumerable<ChunkRange> Chunks => Enumerable.Range(0, TotalChunkCount).Select(Chunk);

    public static bool IsSupportedSize(long videoSize) => videoSize is > 0 and <= MaxVideoSize;

    /// <summary>The plan for a file of <paramref name="videoSize"/> bytes; check <see cref="IsSupportedSize"/> first.</summary>
    public static ChunkPlan For(long videoSize)
    {
        if (!IsSupportedSize(videoSize))
        {
            throw new ArgumentOutOfRangeException(nameof(videoSize), videoSize,
                $"TikTok accepts videos from 1 byte to {MaxVideoSize} bytes (4 GB).");
        }

        return videoSize <= MaxWholeUpload
            ? new ChunkPlan(videoSize, videoSize, 1)
            : new ChunkPlan(videoSize, StandardChunkSize, checked((int)(videoSize / StandardChunkSize)));
    }

    public ChunkRange Chunk(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TotalChunkCount);
        var first = index * ChunkSize;
        var last = index == TotalChunkCount - 1 ? VideoSize - 1 : first + ChunkSize - 1;
        return new ChunkRange(index, first, last, VideoSize);
    }

    public override string ToString() => $"{TotalChunkCount} × {ChunkSize} bytes for {VideoSize} bytes";
}

/// <summary>One chunk: bytes <see cref="First"/> to <see cref="Last"/> inclusive of a <see cref="Total"/>-byte file.</summary>
public sealed record ChunkRange(int Index, long First, long Last, long Total)
{
    public long Length => Last - First + 1;

    public bool IsLast => Last == Total - 1;

    /// <summary>The request header value: <c>bytes {first}-{last}/{total}</c>.</summary>
    public string ContentRange => $"bytes {First}-{Last}/{Total}";
}
